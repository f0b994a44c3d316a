package io.campaignkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Time comes from the caller's {@link java.time.Clock}: the domain and the ports never read the
 * system clock or sleep, so the testkit can run a week of campaign in milliseconds.
 */
class NoSystemTimeTest {

    private static final List<String> FORBIDDEN = List.of(
            "Instant.now(",
            "System.currentTimeMillis(",
            "System.nanoTime(",
            "LocalDateTime.now(",
            "LocalDate.now(",
            "ZonedDateTime.now(",
            "Clock.systemUTC(",
            "Clock.systemDefaultZone(",
            "Thread.sleep(");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final List<String> PACKAGES = List.of("campaign", "template", "port");

    @Test
    void campaign_template_and_port_sources_never_read_the_system_clock() {
        Path root = Path.of("src/main/java/io/campaignkit/core");
        assertThat(root).isDirectory();

        List<String> offences = PACKAGES.stream()
                .map(root::resolve)
                .flatMap(NoSystemTimeTest::javaFiles)
                .flatMap(file -> FORBIDDEN.stream()
                        .filter(call -> codeOf(file).contains(call))
                        .map(call -> file + ": " + call))
                .collect(Collectors.toList());

        assertThat(offences).isEmpty();
    }

    private static Stream<Path> javaFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java")).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source without its comments, which may well mention what the code must not do. */
    private static String codeOf(Path file) {
        try {
            return COMMENT.matcher(Files.readString(file)).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
