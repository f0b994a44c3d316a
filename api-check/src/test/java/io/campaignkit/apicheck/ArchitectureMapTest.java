package io.campaignkit.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md is the map of the code "as it stands": every type it names in code spans must exist, so a
 * rename or a removal that forgets the map fails the build instead of leaving a newcomer a wrong guide. The
 * map must also stay short enough to read (issue 13: "at most two pages").
 */
class ArchitectureMapTest {

    static final int MOST_LINES = 130;
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules", ".mvn");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern TYPE_NAME =
            Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+\\b|\\b[A-Z][a-z]{3,}\\b");
    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:class|interface|record|enum)\\s+([A-Z][A-Za-z0-9]*)|^\\s+([A-Z][A-Za-z0-9]*)\\s*[,;(]",
            Pattern.MULTILINE);

    private final Path root =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyTypeTheMapNamesExists() throws IOException {
        // The fenced diagram is not code spans; its backticks would pair the rest of the page wrongly.
        String map = Files.readString(root.resolve("ARCHITECTURE.md")).replaceAll("(?s)```.*?```", "");
        Set<String> named = new TreeSet<>();
        Matcher span = CODE_SPAN.matcher(map);
        while (span.find()) {
            String code = span.group(1);
            if (code.startsWith("@") || code.startsWith("*") || code.contains(" ")) {
                continue;
            }
            Matcher type = TYPE_NAME.matcher(code);
            while (type.find()) {
                named.add(type.group());
            }
        }
        assertThat(named).as("types named in ARCHITECTURE.md").hasSizeGreaterThan(60);

        Set<String> declared = declaredTypes();
        List<String> missing =
                named.stream().filter(name -> !declared.contains(name)).toList();
        assertThat(missing)
                .as("types ARCHITECTURE.md names that no source declares: update the map with the change")
                .isEmpty();
    }

    @Test
    void theMapStaysShort() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("ARCHITECTURE.md"));
        assertThat(lines.size()).as("ARCHITECTURE.md lines (two pages)").isLessThanOrEqualTo(MOST_LINES);
    }

    private Set<String> declaredTypes() throws IOException {
        Set<String> declared = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    (Iterable<Path>) files.filter(path -> path.toString().endsWith(".java"))
                            .filter(path -> isSource(root.relativize(path)))::iterator) {
                Matcher declaration = DECLARATION.matcher(read(file));
                while (declaration.find()) {
                    declared.add(declaration.group(1) != null ? declaration.group(1) : declaration.group(2));
                }
            }
        }
        return declared;
    }

    private static boolean isSource(Path relative) {
        for (Path part : relative) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        return relative.toString().replace('\\', '/').contains("/src/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
