package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./campaignkit} launcher at the repository root, run as a user runs it, on a copy of the
 * script in an empty "clone" with a stand-in program ({@link LauncherProbe}) in place of the real jar
 * and a fake {@code ./mvnw} that records how it was called: building the real jar here would rebuild
 * the whole reactor inside its own test.
 */
class LauncherScriptTest {

    private static final String JAR = "campaign-cli/target/campaignkit.jar";
    private static final String WRAPPER_ARGS = "-B -q package -pl campaign-cli -am -DskipTests";

    @TempDir
    Path dir;

    private Path repo;
    private Path probeJar;

    @BeforeEach
    void copyTheLauncherIntoAnEmptyClone() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        repo = Files.createDirectories(dir.resolve("clone"));
        Files.copy(launcher(), repo.resolve("campaignkit"), StandardCopyOption.COPY_ATTRIBUTES);
        probeJar = writeProbeJar(dir.resolve("probe.jar"));
    }

    @Test
    void theLauncherIsCommittedExecutable() throws Exception {
        assertThat(Files.isExecutable(launcher())).isTrue();
        Path root = launcher().getParent();
        assumeTrue(Files.exists(root.resolve(".git")), "a git checkout");
        Process git = new ProcessBuilder("git", "ls-files", "-s", "campaignkit")
                .directory(root.toFile())
                .start();
        String entry = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 && !entry.isBlank(), "git knows the file");
        assertThat(entry)
                .as("a fresh clone gets the executable bit only if git records it")
                .startsWith("100755 ");
    }

    @Test
    void runsThePrebuiltJarFromTheCallersDirectoryPassingArgumentsAndTheExitCodeThrough() throws Exception {
        placeJar();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        Run run = launch(elsewhere, Map.of(), "validate", "my contacts.tsv", "--field", "NOMBRE:TEXT", "exit=3");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out().lines())
                .containsExactly(
                        "cwd=" + elsewhere.toRealPath(),
                        "arg=validate",
                        "arg=my contacts.tsv",
                        "arg=--field",
                        "arg=NOMBRE:TEXT",
                        "arg=exit=3");
        assertThat(run.err()).as("no build, nothing said").isEmpty();
    }

    @Test
    void buildsWithTheWrapperOnFirstUseSayingSoInOneLine() throws Exception {
        fakeWrapper("""
                echo "$@" > mvnw-args
                mkdir -p campaign-cli/target && cp '%s' %s
                """.formatted(probeJar, JAR));

        Run first = launch(repo, Map.of(), "demo");

        assertThat(first.exitCode()).isZero();
        assertThat(first.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("campaignkit: building " + JAR)
                .contains("first use");
        assertThat(Files.readString(repo.resolve("mvnw-args")).strip()).isEqualTo(WRAPPER_ARGS);
        assertThat(first.out().lines()).contains("arg=demo");

        Files.delete(repo.resolve("mvnw-args"));
        Run second = launch(repo, Map.of(), "list");

        assertThat(second.err()).isEmpty();
        assertThat(repo.resolve("mvnw-args")).as("no second build").doesNotExist();
        assertThat(second.out().lines()).contains("arg=list");
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJar() throws Exception {
        Path jar = placeJar();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(600)));
        Path source = repo.resolve("campaign-core/src/main/java/Changed.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Changed {}");
        fakeWrapper("touch %s; echo built > built".formatted(JAR));

        Run run = launch(repo, Map.of(), "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines().toList()).singleElement().asString().contains("sources changed");
        assertThat(repo.resolve("built")).exists();
    }

    @Test
    void aFailedBuildStopsWithItsExitCodeAndLeavesStdoutToTheProgram() throws Exception {
        fakeWrapper("echo '[ERROR] COMPILATION ERROR'; exit 7");

        Run run = launch(repo, Map.of(), "validate", "x.tsv", "--json");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.out())
                .as("stdout is the program's (a --json reader must not get build output)")
                .isEmpty();
        assertThat(run.err()).contains("[ERROR] COMPILATION ERROR").contains("the build failed (exit 7)");
    }

    @Test
    void campaignkitBuildCmdReplacesTheBuildCommand() throws Exception {
        String build = "mkdir -p campaign-cli/target && cp '%s' %s && touch custom-build-ran".formatted(probeJar, JAR);

        Run run = launch(repo, Map.of("CAMPAIGNKIT_BUILD_CMD", build), "demo");

        assertThat(run.exitCode()).isZero();
        assertThat(repo.resolve("custom-build-ran")).exists();
        assertThat(run.out().lines()).contains("arg=demo");
    }

    private static Path launcher() {
        return Path.of(System.getProperty("basedir", "."))
                .toAbsolutePath()
                .resolve("../campaignkit")
                .normalize();
    }

    private Path placeJar() throws IOException {
        Path jar = repo.resolve(JAR);
        Files.createDirectories(jar.getParent());
        return Files.copy(probeJar, jar);
    }

    private void fakeWrapper(String body) throws IOException {
        Path wrapper = Files.writeString(repo.resolve("mvnw"), "#!/bin/sh\n" + body + "\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
    }

    private Run launch(Path workingDirectory, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("campaignkit").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("CAMPAIGNKIT_BUILD_CMD");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the launcher ended")
                .isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream probe = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            probe.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private record Run(int exitCode, String out, String err) {}
}
