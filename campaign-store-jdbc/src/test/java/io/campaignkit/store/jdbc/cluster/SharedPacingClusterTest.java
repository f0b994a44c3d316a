package io.campaignkit.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import io.campaignkit.store.jdbc.PostgresDatabase;
import io.campaignkit.store.jdbc.cluster.PacedNode.RecordingChannel;
import io.campaignkit.store.jdbc.cluster.PacedNode.Send;
import io.campaignkit.testkit.time.ManualClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances, each with its own connection pool, share one PostgreSQL database and pace
 * through {@link JdbcPacingStore}: two campaigns on one sender, run at the same instants of one manual
 * clock. Together they keep each campaign's pace and the sender's limit in every one-second window, and
 * a provider's RATE_LIMITED answer seen by one engine holds the sender for the other.
 */
class SharedPacingClusterTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Pace FIRST_PACE = Pace.perSecond(5).withBurst(1);
    private static final Pace SECOND_PACE = Pace.perSecond(5);
    /** The sender's limit: 8/s (the channel's declared maximum) with a burst of 2 (the engines'). */
    private static final double SENDER_PER_SECOND = 8;

    private static final int SENDER_BURST = 2;
    private static final int AUDIENCE = 40;
    private static final int MAX_ROUNDS = 2_000;

    private final ManualClock clock = ManualClock.startingAt(START);
    private final Queue<Send> sends = new ConcurrentLinkedQueue<>();
    private final ExecutorService nodes = Executors.newFixedThreadPool(2);
    private HikariDataSource poolA;
    private HikariDataSource poolB;
    private JdbcCampaignStore storeA;
    private JdbcCampaignStore storeB;

    @BeforeEach
    void twoNodes() throws SQLException {
        PostgresDatabase.freshStore();
        poolA = PostgresDatabase.newPool(4, "paced-a");
        poolB = PostgresDatabase.newPool(4, "paced-b");
        storeA = JdbcCampaignStore.builder().dataSource(poolA).build();
        storeB = JdbcCampaignStore.builder().dataSource(poolB).build();
        // the buckets of the previous check (a held sender) must not pace this one
        try (Connection connection = poolA.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM ck_pacing_bucket");
        }
    }

    @AfterEach
    void closeNodes() {
        nodes.shutdownNow();
        poolA.close();
        poolB.close();
    }

    @Test
    void twoEnginesTogetherKeepEachCampaignsPaceAndTheSendersLimit() throws Exception {
        List<Send> sent = runTwoCampaigns(JdbcPacingStore::on);

        assertThat(sent).hasSize(2 * AUDIENCE);
        assertThat(sent).extracting(Send::phone).doesNotHaveDuplicates();
        assertThat(PacedNode.maxIn(of(sent, 0), Duration.ofSeconds(1)))
                .as("first campaign, any second")
                .isLessThanOrEqualTo(FIRST_PACE.messages() + FIRST_PACE.burst());
        assertThat(PacedNode.maxIn(of(sent, 1), Duration.ofSeconds(1)))
                .as("second campaign, any second")
                .isLessThanOrEqualTo(SECOND_PACE.messages() + SECOND_PACE.burst());
        assertThat(PacedNode.maxIn(sent, Duration.ofSeconds(1)))
                .as("the sender, any second")
                .isLessThanOrEqualTo((int) SENDER_PER_SECOND + SENDER_BURST);
        assertThat(sent).extracting(Send::node).as("both engines sent").contains("a", "b");
        Instant last = sent.stream().map(Send::at).max(Instant::compareTo).orElseThrow();
        // 80 sends at 8/s from a bucket of 3: the sender's limit, not the campaigns' 10/s, set the pace
        assertThat(Duration.between(START, last)).isGreaterThanOrEqualTo(Duration.ofMillis(9_625));
        System.out.printf(
                "shared pacing: %d sends in %s, node a %d, node b %d, max per second: sender %d,"
                        + " first %d, second %d%n",
                sent.size(),
                Duration.between(START, last),
                sent.stream().filter(s -> s.node().equals("a")).count(),
                sent.stream().filter(s -> s.node().equals("b")).count(),
                PacedNode.maxIn(sent, Duration.ofSeconds(1)),
                PacedNode.maxIn(of(sent, 0), Duration.ofSeconds(1)),
                PacedNode.maxIn(of(sent, 1), Duration.ofSeconds(1)));
    }

    /** Without a shared store each engine keeps its own buckets: the same run breaks the limits (why the test can fail). */
    @Test
    void enginesWithTheirOwnBucketsTogetherExceedTheLimits() throws Exception {
        List<Send> sent = runTwoCampaigns(store -> PacingStore.inProcess());

        assertThat(sent).hasSize(2 * AUDIENCE);
        assertThat(PacedNode.maxIn(sent, Duration.ofSeconds(1))).isGreaterThan((int) SENDER_PER_SECOND + SENDER_BURST);
    }

    @Test
    void aRateLimitSeenByOneEngineHoldsTheSenderForTheOther() throws Exception {
        Duration retryAfter = Duration.ofSeconds(30);
        RecordingChannel channelA = new RecordingChannel("a", clock, sends, SENDER_PER_SECOND, 1, retryAfter);
        RecordingChannel channelB = new RecordingChannel("b", clock, sends, SENDER_PER_SECOND, 0, retryAfter);
        CampaignEngine engineA =
                PacedNode.engine(storeA, channelA, clock, "node-a", SENDER_BURST, JdbcPacingStore.on(storeA));
        CampaignEngine engineB =
                PacedNode.engine(storeB, channelB, clock, "node-b", SENDER_BURST, JdbcPacingStore.on(storeB));
        CampaignId first = PacedNode.launch(engineA, "held-first", 0, 5, SECOND_PACE);

        engineA.runDue(); // its one permit: the provider answers RATE_LIMITED, retry after 30 s
        assertThat(sends).isEmpty();
        CampaignId second = PacedNode.launch(engineB, "held-second", 100, 5, SECOND_PACE);
        Instant holdEnds = START.plus(retryAfter);
        while (clock.instant().isBefore(holdEnds)) {
            engineB.runDue();
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(sends).as("engine b sent nothing while the sender was held").isEmpty();

        runUntilSettled(engineA, engineB, first, second);
        assertThat(sends).hasSize(10);
        assertThat(sends).extracting(Send::at).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(holdEnds));
    }

    private List<Send> runTwoCampaigns(Function<JdbcCampaignStore, PacingStore> pacing) throws Exception {
        CampaignEngine engineA = PacedNode.engine(
                storeA,
                new RecordingChannel("a", clock, sends, SENDER_PER_SECOND, 0, Duration.ZERO),
                clock,
                "node-a",
                SENDER_BURST,
                pacing.apply(storeA));
        CampaignEngine engineB = PacedNode.engine(
                storeB,
                new RecordingChannel("b", clock, sends, SENDER_PER_SECOND, 0, Duration.ZERO),
                clock,
                "node-b",
                SENDER_BURST,
                pacing.apply(storeB));
        CampaignId first = PacedNode.launch(engineA, "paced-first", 0, AUDIENCE, FIRST_PACE);
        CampaignId second = PacedNode.launch(engineB, "paced-second", AUDIENCE, AUDIENCE, SECOND_PACE);
        runUntilSettled(engineA, engineB, first, second);
        return new ArrayList<>(sends);
    }

    /** Runs both engines at once at each instant, then moves the clock to the earlier of their next due instants. */
    private void runUntilSettled(CampaignEngine engineA, CampaignEngine engineB, CampaignId... campaigns)
            throws Exception {
        for (int round = 0; round < MAX_ROUNDS && !settled(campaigns); round++) {
            Future<Optional<Instant>> a = nodes.submit(engineA::runDue);
            Future<Optional<Instant>> b = nodes.submit(engineB::runDue);
            Optional<Instant> nextA = a.get(1, TimeUnit.MINUTES);
            Optional<Instant> nextB = b.get(1, TimeUnit.MINUTES);
            Instant now = clock.instant();
            Instant next = earliest(nextA, nextB).filter(at -> at.isAfter(now)).orElse(now.plusMillis(1));
            clock.advanceTo(next);
        }
        assertThat(settled(campaigns))
                .as("every recipient sent within %d rounds", MAX_ROUNDS)
                .isTrue();
    }

    private boolean settled(CampaignId... campaigns) {
        for (CampaignId campaign : campaigns) {
            RecipientCounts counts = storeA.counts(campaign);
            if (counts.count(DeliveryState.PENDING) > 0 || counts.count(DeliveryState.SENDING) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    /** The sends of the first campaign (0) or the second (1), by their contacts' numbers. */
    private static List<Send> of(List<Send> sent, int campaign) {
        List<String> phones = PacedNode.contacts(campaign * AUDIENCE, AUDIENCE).stream()
                .map(c -> c.phone().e164())
                .toList();
        return sent.stream().filter(send -> phones.contains(send.phone())).toList();
    }
}
