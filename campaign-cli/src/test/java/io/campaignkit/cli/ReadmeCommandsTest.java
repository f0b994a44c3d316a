package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's program commands are the ones that work: every {@code ./campaignkit …} line of the
 * README (and any {@code java -jar campaign-cli/target/campaignkit.jar …}) parses with the program's
 * options, and the main-job command, {@code ./campaignkit demo}, runs to the end.
 */
class ReadmeCommandsTest {

    static final String LAUNCHER = "./campaignkit";
    static final String JAR_COMMAND = "java -jar campaign-cli/target/campaignkit.jar";

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsTheDemoThroughTheLauncherAsTheMainJob() throws IOException {
        assertThat(readmeLines())
                .as("README.md must show the main-job command: " + LAUNCHER + " demo")
                .contains(LAUNCHER + " demo");
    }

    @Test
    void everyCommandLineOfTheReadmeUsesTheLauncher() throws IOException {
        assertThat(readmeLines())
                .as("README.md lines that start the program with java -jar instead of " + LAUNCHER)
                .noneMatch(line -> line.strip().startsWith(JAR_COMMAND));
        assertThat(programCommands()).hasSizeGreaterThan(5);
    }

    @Test
    void everyProgramCommandOfTheReadmeParses() throws IOException {
        for (List<String> args : programCommands()) {
            assertThatCode(() -> CampaignKitCli.commandLine(
                                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of())
                            .parseArgs(args.toArray(String[]::new)))
                    .as("README command: campaignkit %s", String.join(" ", args))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theReadmesDemoCommandRunsToTheEnd() throws IOException {
        for (List<String> args : programCommands().stream().distinct().toList()) {
            if (args.isEmpty() || !args.get(0).equals("demo")) {
                continue;
            }
            List<String> inTempDir = new ArrayList<>(args);
            if (!inTempDir.contains("--dir")) {
                inTempDir.addAll(List.of(
                        "--dir",
                        dir.resolve("demo-" + dir.toFile().list().length).toString()));
            }

            CliRun run = CliRun.of(inTempDir.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("FINISHED on simulated").contains("report.html");
        }
    }

    /** The arguments of every README line that runs the program, continuation lines joined. */
    static List<List<String>> programCommands() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : readmeLines()) {
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String text = logical.toString();
            logical.setLength(0);
            int at = text.indexOf(JAR_COMMAND);
            String rest = at >= 0
                    ? text.substring(at + JAR_COMMAND.length())
                    : text.startsWith(LAUNCHER + " ") ? text.substring(LAUNCHER.length()) : null;
            if (rest != null) {
                int comment = rest.indexOf(" #");
                commands.add(words(comment >= 0 ? rest.substring(0, comment) : rest));
            }
        }
        return commands;
    }

    static List<String> readmeLines() throws IOException {
        // -Dcampaignkit.readme=FILE checks a draft instead of the repository's README
        Path readme = Path.of(System.getProperty(
                "campaignkit.readme",
                Path.of(System.getProperty("basedir", "."))
                        .toAbsolutePath()
                        .resolve("../README.md")
                        .normalize()
                        .toString()));
        return Files.readAllLines(readme);
    }

    /** Splits like a POSIX shell does for plain words, "double" and 'single' quotes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '`') {
                break; // end of an inline code span
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
