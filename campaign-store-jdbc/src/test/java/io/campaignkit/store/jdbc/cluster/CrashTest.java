package io.campaignkit.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.PostgresDatabase;
import io.campaignkit.testkit.time.ManualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node dies mid-dispatch: a child JVM runs a campaign against PostgreSQL and is killed with SIGKILL
 * while sends are in flight; a new engine takes over once the dead node's lease expired. No recipient
 * is sent twice (those in flight at the kill end UNKNOWN, per at-most-once), none is lost, and the
 * campaign completes. Sends are logged to a file outside either engine.
 */
class CrashTest {

    private static final int AUDIENCE = 5_000;
    private static final int SENDS_BEFORE_STALL = 2_500;
    private static final int MAX_ROUNDS = 1_000;

    @TempDir
    Path directory;

    @Test
    void aNodeKilledMidDispatchIsTakenOverWithoutDuplicatesOrLosses() throws Exception {
        JdbcCampaignStore store = PostgresDatabase.freshStore();
        ManualClock launchClock = ManualClock.startingAt(Engines.START);
        CampaignEngine launcher =
                Engines.engine(store, new InstantChannel(launchClock, phone -> {}), launchClock, "launcher");
        CampaignId campaign = Engines.launch(launcher, "crash", AUDIENCE, 1000);
        Path sendLog = directory.resolve("sends.log");
        Files.createFile(sendLog);

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashChild.class.getName(),
                        PostgresDatabase.jdbcUrl(),
                        sendLog.toString(),
                        Integer.toString(SENDS_BEFORE_STALL),
                        Engines.START.toString())
                .redirectError(directory.resolve("child.err").toFile())
                .start();
        try {
            String stalled = CompletableFuture.supplyAsync(() -> awaitLine(child, CrashChild.STALLED))
                    .get(3, TimeUnit.MINUTES);
            assertThat(stalled)
                    .as("the child reached the stall; its stderr is in " + directory)
                    .startsWith(CrashChild.STALLED);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        int sentByChild = SendLog.read(sendLog).size();
        RecipientCounts atKill = store.counts(campaign);
        assertThat(atKill.count(DeliveryState.SENDING))
                .as("recipients in flight at the kill")
                .isPositive();

        // a survivor, after the dead node's lease (5 minutes) expired
        ManualClock clock = ManualClock.startingAt(Engines.START.plus(Duration.ofHours(1)));
        try (SendLog log = new SendLog(sendLog)) {
            InstantChannel channel = new InstantChannel(clock, log);
            CampaignEngine survivor = Engines.engine(store, channel, clock, "survivor");
            for (int rounds = 0; !completed(store, campaign) && rounds < MAX_ROUNDS; rounds++) {
                survivor.runDue();
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(channel.sent()).as("the survivor sent the rest").isPositive();
        }

        List<String> sends = SendLog.read(sendLog);
        Map<String, Long> timesSent =
                sends.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(timesSent)
                .as("no recipient sent twice")
                .allSatisfy((phone, times) -> assertThat(times).isEqualTo(1));
        RecipientCounts counts = store.counts(campaign);
        assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                .as("none lost")
                .isZero();
        assertThat(counts.count(DeliveryState.SENT) + counts.count(DeliveryState.UNKNOWN))
                .isEqualTo(AUDIENCE);
        assertThat(counts.count(DeliveryState.UNKNOWN))
                .as("in flight at the kill, never sent again")
                .isPositive();
        Map<String, DeliveryState> states = states(store, campaign);
        assertThat(states).allSatisfy((phone, state) -> {
            if (state == DeliveryState.SENT) {
                assertThat(timesSent).as("a SENT recipient was sent").containsKey(phone);
            }
        });
        assertThat(store.find(campaign).orElseThrow().dispatch()).containsInstanceOf(DispatchState.Done.class);
        System.out.printf(
                "crash: child sent %d before the kill, %d UNKNOWN, %d sent in all%n",
                sentByChild, counts.count(DeliveryState.UNKNOWN), sends.size());
    }

    private static String awaitLine(Process child, String prefix) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return "exited with " + child.waitFor();
        } catch (Exception failure) {
            return "failed: " + failure;
        }
    }

    private static boolean completed(JdbcCampaignStore store, CampaignId campaign) {
        return store.find(campaign)
                .orElseThrow()
                .dispatch()
                .filter(DispatchState.Done.class::isInstance)
                .isPresent();
    }

    private static Map<String, DeliveryState> states(JdbcCampaignStore store, CampaignId campaign) {
        Map<String, DeliveryState> states = new HashMap<>();
        long after = -1;
        List<Recipient> page;
        do {
            page = new ArrayList<>(store.findRecipients(campaign, after, 1000));
            for (Recipient recipient : page) {
                states.put(recipient.phone().e164(), recipient.state());
                after = recipient.sequence();
            }
        } while (!page.isEmpty());
        return states;
    }
}
