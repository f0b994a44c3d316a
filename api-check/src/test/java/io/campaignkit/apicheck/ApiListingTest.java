package io.campaignkit.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each library module's public API equals its committed listing, {@code api/<module>.txt}: until a first
 * release gives japicmp a baseline jar, the listing is the baseline. A line gone from the API is an
 * incompatible change; a new line is a compatible one; either fails this test until the listing is
 * rewritten ({@code -Dapi.accept=true}, see CONTRIBUTING.md), so that the change is declared in the same
 * commit, where a reviewer sees it.
 */
class ApiListingTest {

    private static final List<String> LIBRARY_MODULES = List.of(
            "io.campaignkit.channel",
            "io.campaignkit.channel.simulated",
            "io.campaignkit.core",
            "io.campaignkit.testkit",
            "io.campaignkit.importer",
            "io.campaignkit.channel.whatsapp",
            "io.campaignkit.channel.twilio",
            "io.campaignkit.store.jdbc",
            "io.campaignkit.desk",
            "io.campaignkit.report",
            "io.campaignkit.host",
            "io.campaignkit.micrometer");

    private final Path dir = Path.of(System.getProperty("api.dir", "../api"));

    @Test
    void everyLibraryModuleIsListed() {
        assertThat(ApiListing.ofClassPath()).containsOnlyKeys(LIBRARY_MODULES);
    }

    @Test
    void publicApiMatchesTheCommittedListing() throws IOException {
        boolean accept = Boolean.getBoolean("api.accept");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ApiListing> module : ApiListing.ofClassPath().entrySet()) {
            Path file = dir.resolve(module.getKey() + ".txt");
            List<String> current = module.getValue().lines();
            if (accept) {
                Files.createDirectories(dir);
                Files.write(file, current, StandardCharsets.UTF_8);
                continue;
            }
            List<String> committed = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            Set<String> gone = new LinkedHashSet<>(committed);
            current.forEach(gone::remove);
            Set<String> added = new LinkedHashSet<>(current);
            committed.forEach(added::remove);
            if (!gone.isEmpty()) {
                problems.add("INCOMPATIBLE change in " + module.getKey() + " (" + gone.size() + " line(s) of api/"
                        + file.getFileName() + " no longer hold):\n  - " + String.join("\n  - ", gone));
            }
            if (!added.isEmpty()) {
                problems.add("API added to " + module.getKey() + " but not recorded in api/" + file.getFileName()
                        + ":\n  + " + String.join("\n  + ", added));
            }
        }
        assertThat(problems).as("""
                the public API differs from the committed listing. If the change is intended, record it with
                  ./mvnw -B verify -pl api-check -am -Dtest=ApiListingTest \
                -Dsurefire.failIfNoSpecifiedTests=false -Dapi.accept=true
                and commit api/ with the change (an incompatible one also gets a line under "Breaking" in
                CHANGELOG.md)""").isEmpty();
    }
}
