package io.campaignkit.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * README examples are real code: the region between an example's markers ({@code // README:BEGIN}
 * and {@code // README:END} in Java, {@code <!-- README:BEGIN} and {@code <!-- README:END} in a POM)
 * must stand in README.md exactly, less the markers' indent.
 */
final class ReadmeQuote {

    private static final Path MODULE =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path README = MODULE.resolve("../README.md").normalize();

    private ReadmeQuote() {}

    /** An example class of this module's {@code readme} test package. */
    static void assertQuotedExactly(String exampleClass) throws IOException {
        assertQuotedExactly(MODULE.resolve("src/test/java/io/campaignkit/cli/readme/" + exampleClass + ".java"));
    }

    /**
     * Any file of the repository.
     *
     * @param source the file, such as an example project's source or POM
     */
    static void assertQuotedExactly(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int begin = marker(lines, "README:BEGIN");
        int end = marker(lines, "README:END");
        assertThat(begin).as("README:BEGIN marker of " + source).isNotNegative();
        assertThat(end).as("README:END marker of " + source).isGreaterThan(begin);
        String markerLine = lines.get(begin);
        int indent = markerLine.length() - markerLine.stripLeading().length();
        String quoted = lines.subList(begin + 1, end).stream()
                .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(README))
                .as("README.md must quote " + source.getFileName() + "'s README region exactly")
                .contains(quoted);
    }

    /** The repository's root. */
    static Path root() {
        return README.getParent();
    }

    private static int marker(List<String> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("// " + name) || line.startsWith("<!-- " + name)) {
                return i;
            }
        }
        return -1;
    }
}
