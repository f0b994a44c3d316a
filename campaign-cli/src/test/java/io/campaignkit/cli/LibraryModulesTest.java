package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library modules' boundaries (issue 13, item 8): every library module is a named module that
 * exports its API packages and no {@code internal} one, and a module that reaches into another's
 * internals does not compile. Runs here because this module's tests see every library's jar (or
 * classes folder) while the program itself stays on the class path.
 */
class LibraryModulesTest {

    private static final String PROVIDER = "io.campaignkit.channel.ChannelAdapterProvider";
    private static final String TESTKIT = "io.campaignkit.testkit";

    /** Each library module's name and a class of it that locates its jar or classes folder. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("io.campaignkit.channel", PROVIDER);
        LIBRARIES.put("io.campaignkit.channel.simulated", "io.campaignkit.channel.simulated.SimulatedChannelProvider");
        LIBRARIES.put("io.campaignkit.core", "io.campaignkit.core.InvalidArgumentException");
        LIBRARIES.put(TESTKIT, "io.campaignkit.testkit.time.ManualClock");
        LIBRARIES.put("io.campaignkit.importer", "io.campaignkit.importer.AudienceImporter");
        LIBRARIES.put(
                "io.campaignkit.channel.whatsapp", "io.campaignkit.channel.whatsapp.WhatsAppCloudAdapterProvider");
        LIBRARIES.put("io.campaignkit.channel.twilio", "io.campaignkit.channel.twilio.TwilioChannelAdapterProvider");
        LIBRARIES.put("io.campaignkit.store.jdbc", "io.campaignkit.store.jdbc.JdbcStoreException");
        LIBRARIES.put("io.campaignkit.host", "io.campaignkit.host.WebhookEndpoint");
        LIBRARIES.put("io.campaignkit.report", "io.campaignkit.report.ReportFormat");
        LIBRARIES.put("io.campaignkit.desk", "io.campaignkit.desk.ConversationDesk");
    }

    /** The only qualified export of an internal package, and to whom (see campaign-core's module-info). */
    private static final Map<String, Set<String>> ALLOWED_QUALIFIED =
            Map.of("io.campaignkit.core.internal", Set.of("io.campaignkit.importer", "io.campaignkit.store.jdbc"));

    /** What the probe module needs besides the libraries: their own named and automatic dependencies. */
    private static final List<String> DEPENDENCY_ANCHORS = List.of(
            "org.slf4j.Logger",
            "com.google.i18n.phonenumbers.PhoneNumberUtil",
            "org.apache.poi.ss.usermodel.Workbook",
            "org.apache.poi.xssf.usermodel.XSSFWorkbook",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonParser",
            "com.fasterxml.jackson.annotation.JsonProperty",
            "org.flywaydb.core.Flyway",
            "org.h2.Driver");

    @Test
    void everyLibraryIsANamedModuleExportingEveryApiPackageAndNoInternalOne() {
        List<String> problems = new ArrayList<>();
        LIBRARIES.forEach((name, anchor) -> {
            ModuleDescriptor module = descriptor(name, anchor);
            assertThat(module.isAutomatic()).as("%s has a module-info", name).isFalse();
            Set<String> unqualified = new TreeSet<>();
            for (ModuleDescriptor.Exports export : module.exports()) {
                if (!export.isQualified()) {
                    unqualified.add(export.source());
                    if (isInternal(export.source())) {
                        problems.add(name + " exports " + export.source() + " to everyone");
                    }
                } else if (!export.targets().equals(ALLOWED_QUALIFIED.get(export.source()))) {
                    problems.add(name + " exports " + export.source() + " to " + export.targets()
                            + ": not an agreed qualified export");
                }
            }
            // an API package added later must be exported too, or module-path users silently lose it
            Set<String> api = classPackages(location(anchor)).stream()
                    .filter(pkg -> !isInternal(pkg))
                    .collect(Collectors.toCollection(TreeSet::new));
            api.removeAll(unqualified);
            if (!api.isEmpty()) {
                problems.add(name + " does not export its API packages " + api);
            }
            if (module.isOpen() && !name.equals(TESTKIT)) {
                problems.add(name + " is an open module: only the testkit is (JUnit runs its kits by reflection)");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAdapterModuleProvidesWhatItsServiceFileListsAndTheSpiUsesIt() throws IOException {
        assertThat(descriptor("io.campaignkit.channel", PROVIDER).uses()).containsExactly(PROVIDER);
        for (String name : List.of(
                "io.campaignkit.channel.simulated",
                "io.campaignkit.channel.whatsapp",
                "io.campaignkit.channel.twilio")) {
            String anchor = LIBRARIES.get(name);
            List<String> provided = descriptor(name, anchor).provides().stream()
                    .filter(provides -> provides.service().equals(PROVIDER))
                    .flatMap(provides -> provides.providers().stream())
                    .toList();
            // class-path users find the adapter through META-INF/services: both must name the same class
            List<String> listed = withRoot(location(anchor), root -> {
                Path services = root.resolve("META-INF/services/" + PROVIDER);
                return Files.readAllLines(services, StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();
            });
            assertThat(provided).as("%s provides", name).isNotEmpty().containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    /**
     * A class loader finds a named module's resources only in packages opened to everyone, and Flyway
     * reads the JDBC store's migrations through one: each resource folder of a library must be opened
     * (checked by hand on the module path: without the opens, migrating fails to read the SQL files).
     */
    @Test
    void everyResourceFolderOfALibraryIsOpenedForClassLoaders() {
        List<String> problems = new ArrayList<>();
        LIBRARIES.forEach((name, anchor) -> {
            ModuleDescriptor module = descriptor(name, anchor);
            Set<String> opened = module.opens().stream()
                    .filter(opens -> !opens.isQualified())
                    .map(ModuleDescriptor.Opens::source)
                    .collect(Collectors.toSet());
            for (String pkg : resourcePackages(location(anchor))) {
                if (!module.isOpen() && !opened.contains(pkg)) {
                    problems.add(name + " does not open its resource folder " + pkg);
                }
            }
        });
        assertThat(resourcePackages(location(LIBRARIES.get("io.campaignkit.store.jdbc"))))
                .as("the JDBC store's migration folders")
                .contains("db.campaignkit.common");
        assertThat(problems).isEmpty();
    }

    /**
     * The rule itself, as javac applies it: a module that requires every library and imports a
     * public class of each internal package does not compile, one "not visible" error per package;
     * the same module importing a public class of each exported package does.
     */
    @Test
    void aModuleThatImportsAnotherModulesInternalsDoesNotCompile(@TempDir Path dir) throws IOException {
        Map<String, String> internalClasses = new LinkedHashMap<>();
        Map<String, String> apiClasses = new LinkedHashMap<>();
        LIBRARIES.forEach((name, anchor) -> {
            if (name.equals(TESTKIT)) {
                return; // no internals; the probe would need JUnit's modules too
            }
            for (String pkg : classPackages(location(anchor))) {
                publicClassOf(location(anchor), pkg)
                        .ifPresent(type -> (isInternal(pkg) ? internalClasses : apiClasses).put(pkg, type));
            }
        });
        assertThat(internalClasses)
                .as("internal packages found")
                .containsKeys(
                        "io.campaignkit.channel.internal",
                        "io.campaignkit.core.internal",
                        "io.campaignkit.importer.internal",
                        "io.campaignkit.channel.whatsapp.internal",
                        "io.campaignkit.channel.twilio.internal",
                        "io.campaignkit.store.jdbc.internal");

        DiagnosticCollector<JavaFileObject> api = compileProbe(dir.resolve("api"), apiClasses);
        assertThat(errors(api))
                .as("a module importing the libraries' API compiles")
                .isEmpty();

        DiagnosticCollector<JavaFileObject> reach = compileProbe(dir.resolve("internal"), internalClasses);
        List<String> errors = errors(reach);
        for (String pkg : internalClasses.keySet()) {
            assertThat(errors)
                    .as("importing %s", internalClasses.get(pkg))
                    .anySatisfy(error -> assertThat(error).contains("package " + pkg + " is not visible"));
        }
    }

    private static DiagnosticCollector<JavaFileObject> compileProbe(Path dir, Map<String, String> imports)
            throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/probe"));
        StringBuilder moduleInfo = new StringBuilder("module probe {\n");
        for (String name : LIBRARIES.keySet()) {
            if (!name.equals(TESTKIT)) {
                moduleInfo.append("    requires ").append(name).append(";\n");
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(sources.resolve("module-info.java"), moduleInfo.append("}\n")));
        int index = 0;
        for (String type : imports.values()) {
            String simple = "Reach" + index++;
            files.add(Files.writeString(
                    sources.resolve(simple + ".java"),
                    "package probe;\n\nimport " + type
                            + ";\n\nclass " + simple + " {\n    Class<?> reached = "
                            + type.substring(type.lastIndexOf('.') + 1)
                            + ".class;\n}\n"));
        }
        String modulePath = Stream.concat(LIBRARIES.values().stream(), DEPENDENCY_ANCHORS.stream())
                .map(LibraryModulesTest::location)
                .map(Path::toString)
                .distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release",
                    "17",
                    "-proc:none",
                    "-Xlint:none",
                    "--module-path",
                    modulePath,
                    "-d",
                    Files.createDirectories(dir.resolve("out")).toString());
            javac.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files))
                    .call();
        }
        return diagnostics;
    }

    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(java.util.Locale.ROOT))
                .toList();
    }

    private static boolean isInternal(String pkg) {
        return List.of(pkg.split("\\.")).contains("internal");
    }

    private static ModuleDescriptor descriptor(String name, String anchor) {
        return ModuleFinder.of(location(anchor))
                .find(name)
                .orElseThrow(() -> new AssertionError("no module " + name + " at " + location(anchor)))
                .descriptor();
    }

    /**
     * The jar or classes folder that holds {@code className}. The testkit is not on the CLI's class path
     * (the program does not depend on it, not even in tests), so its classes folder is found in the
     * reactor beside this module.
     */
    private static Path location(String className) {
        try {
            return Path.of(Class.forName(className, false, LibraryModulesTest.class.getClassLoader())
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (ClassNotFoundException notOnTheClassPath) {
            Path reactor = Path.of("..", "campaign-testkit", "target", "classes")
                    .toAbsolutePath()
                    .normalize();
            if (className.startsWith(TESTKIT + ".") && Files.isDirectory(reactor)) {
                return reactor;
            }
            throw new AssertionError("cannot locate " + className, notOnTheClassPath);
        } catch (URISyntaxException e) {
            throw new AssertionError("cannot locate " + className, e);
        }
    }

    /** The packages that hold class files (resource folders such as db/campaignkit are no API). */
    private static Set<String> classPackages(Path location) {
        return withRoot(location, root -> {
            try (Stream<Path> files = Files.walk(root)) {
                // a package holding only package-info has no type to export (javac refuses to)
                return files.filter(file -> file.toString().endsWith(".class")
                                && !file.getFileName().toString().equals("package-info.class"))
                        .map(root::relativize)
                        .filter(file -> file.getParent() != null)
                        .filter(file -> !file.startsWith("META-INF"))
                        .map(file -> file.getParent()
                                .toString()
                                .replace(file.getFileSystem().getSeparator(), "."))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        });
    }

    /** Folders with a package's name that hold files other than classes (META-INF aside). */
    private static Set<String> resourcePackages(Path location) {
        return withRoot(location, root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile)
                        .filter(file -> !file.toString().endsWith(".class"))
                        .map(root::relativize)
                        .filter(file -> file.getParent() != null)
                        .filter(file -> !file.startsWith("META-INF"))
                        .map(file -> file.getParent()
                                .toString()
                                .replace(file.getFileSystem().getSeparator(), "."))
                        .filter(pkg -> List.of(pkg.split("\\.")).stream()
                                .allMatch(javax.lang.model.SourceVersion::isIdentifier))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        });
    }

    private static Optional<String> publicClassOf(Path location, String pkg) {
        return withRoot(location, root -> {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                return files.map(file -> file.getFileName().toString())
                        .filter(file ->
                                file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class"))
                        .map(file -> pkg + "." + file.substring(0, file.length() - ".class".length()))
                        .sorted()
                        .filter(LibraryModulesTest::isPublic)
                        .findFirst();
            }
        });
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, LibraryModulesTest.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private interface RootReader<T> {
        T read(Path root) throws IOException;
    }

    private static <T> T withRoot(Path location, RootReader<T> reader) {
        try {
            if (Files.isDirectory(location)) {
                return reader.read(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return reader.read(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
