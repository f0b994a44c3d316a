package io.campaignkit.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** README examples are real code: the region between an example's markers must stand in README.md exactly. */
final class ReadmeQuote {

    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path README = MODULE.resolve("../README.md").normalize();

    private ReadmeQuote() {}

    static void assertQuotedExactly(String exampleClass) throws IOException {
        Path example = MODULE.resolve("src/test/java/io/campaignkit/cli/readme/" + exampleClass + ".java");
        List<String> source = Files.readAllLines(example);
        int begin = source.indexOf("        // README:BEGIN");
        int end = source.indexOf("        // README:END");
        assertThat(begin).as("README:BEGIN marker of " + exampleClass).isNotNegative();
        assertThat(end).as("README:END marker of " + exampleClass).isGreaterThan(begin);
        String quoted = source.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(README)).as("README.md must quote " + exampleClass + "'s README region exactly")
                .contains(quoted);
    }
}
