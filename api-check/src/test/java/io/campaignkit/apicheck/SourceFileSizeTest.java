package io.campaignkit.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's rule that every file of production code can be read in one sitting: no Java file under
 * a module's {@code src/main} is over {@value #MOST_LINES} lines. A file that grows past it is split
 * by meaning (a part of its own), not trimmed of comments.
 */
class SourceFileSizeTest {

    static final int MOST_LINES = 450;
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules", ".mvn");

    private final Path root =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    @Test
    void noProductionSourceFileIsOverTheLimit() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> isProductionSource(root.relativize(path)))
                    .toList();
        }
        assertThat(sources).as("production sources found under %s", root).hasSizeGreaterThan(300);
        List<String> over = sources.stream()
                .filter(path -> lines(path) > MOST_LINES)
                .map(path -> root.relativize(path) + " (" + lines(path) + " lines)")
                .sorted()
                .toList();
        assertThat(over)
                .as("files under src/main over %d lines: split them by meaning", MOST_LINES)
                .isEmpty();
    }

    private static boolean isProductionSource(Path relative) {
        for (Path part : relative) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        return relative.toString().replace('\\', '/').contains("/src/main/");
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
