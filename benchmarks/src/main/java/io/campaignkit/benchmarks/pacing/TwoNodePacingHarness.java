package io.campaignkit.benchmarks.pacing;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The accuracy of {@link JdbcPacingStore} between two nodes in real time (issue 8): two nodes (each its
 * own connection pool and its own clock) each run a runner per campaign for two campaigns on one
 * sender, asking for a batch, then sleeping until {@code nextPermitAt}, as the engine's runner does.
 * Node b's clock can be set ahead of node a's by {@code skewMillis}. Every grant is recorded at its
 * node's instant; the harness prints how many the sender granted against the exact figure
 * {@code burst + 1 + floor(rate × (T − 1 ns))}, and the busiest one-second window of the sender and of
 * each campaign, on node a's clock (the real one) and on the grants' own instants.
 *
 * <p>The sender's limit is 80/s with the burst given (default 0), each campaign's 50/s.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.pacing.TwoNodePacingHarness
 * POSTGRESQL 60 0 0} (database, seconds, skew of node b in milliseconds, the sender's burst).
 */
public final class TwoNodePacingHarness {

    private static final RateLimit CAMPAIGN_LIMIT = RateLimit.perSecond(50);
    private static final SenderKey SENDER = new SenderKey("harness", "shared-sender");
    private static final int BATCH = 20;

    /** A grant: the node's instant, the real instant it was asked at (node a's clock), the campaign, the count. */
    private record Grant(Instant at, Instant real, int campaign, int permits) {}

    private TwoNodePacingHarness() {}

    public static void main(String[] args) throws Exception {
        PacingDatabases.Kind kind = PacingDatabases.Kind.valueOf(args.length > 0 ? args[0] : "POSTGRESQL");
        Duration length = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Duration skew = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 0);
        RateLimit senderLimit = RateLimit.perSecond(80).withBurst(args.length > 3 ? Integer.parseInt(args[3]) : 0);
        String run = Long.toString(System.nanoTime());
        List<SendLimits> campaigns = List.of(
                new SendLimits(CampaignId.of("harness-a-" + run), CAMPAIGN_LIMIT, SENDER, senderLimit),
                new SendLimits(CampaignId.of("harness-b-" + run), CAMPAIGN_LIMIT, SENDER, senderLimit));
        ConcurrentLinkedQueue<Grant> grants = new ConcurrentLinkedQueue<>();
        ExecutorService runners = Executors.newFixedThreadPool(4);
        try (PacingDatabases databases = PacingDatabases.start(kind)) {
            JdbcPacingStore[] nodes = {databases.node(2), databases.node(2)};
            Clock real = Clock.systemUTC();
            Clock[] clocks = {real, Clock.offset(real, skew)};
            Instant start = real.instant().plusMillis(500);
            Instant end = start.plus(length);
            List<Future<Long>> calls = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                for (int campaign = 0; campaign < 2; campaign++) {
                    JdbcPacingStore pacing = nodes[node];
                    Clock clock = clocks[node];
                    SendLimits limits = campaigns.get(campaign);
                    int index = campaign;
                    calls.add(runners.submit(() -> runUntil(pacing, limits, clock, real, start, end, index, grants)));
                }
            }
            long totalCalls = 0;
            for (Future<Long> call : calls) {
                totalCalls += call.get();
            }
            report(kind, length, skew, senderLimit, new ArrayList<>(grants), totalCalls);
        } finally {
            runners.shutdownNow();
        }
    }

    /** One runner: asks, records, sleeps until the next permit; answers how many calls it made. */
    private static long runUntil(
            JdbcPacingStore pacing,
            SendLimits limits,
            Clock clock,
            Clock real,
            Instant start,
            Instant end,
            int campaign,
            ConcurrentLinkedQueue<Grant> grants)
            throws InterruptedException {
        sleepUntil(real, start);
        long calls = 0;
        while (real.instant().isBefore(end)) {
            Instant asked = real.instant();
            Instant now = clock.instant();
            int granted = pacing.tryAcquire(limits, BATCH, now);
            calls++;
            if (granted > 0) {
                grants.add(new Grant(now, asked, campaign, granted));
            }
            Instant next = pacing.nextPermitAt(limits, clock.instant());
            calls++;
            sleepUntil(clock, next);
        }
        return calls;
    }

    private static void sleepUntil(Clock clock, Instant at) throws InterruptedException {
        long nanos = Duration.between(clock.instant(), at).toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    private static void report(
            PacingDatabases.Kind kind,
            Duration length,
            Duration skew,
            RateLimit senderLimit,
            List<Grant> grants,
            long calls) {
        long granted = grants.stream().mapToLong(Grant::permits).sum();
        Duration second = Duration.ofSeconds(1);
        System.out.printf(
                "%s, 2 nodes x 2 campaigns, %s, node b's clock %d ms ahead: %d calls (%.0f/s)%n",
                kind, length, skew.toMillis(), calls, calls * 1e9 / length.toNanos());
        System.out.printf(
                "  sender %s: granted %d in %s (a runner asking at every next permit would get %d at most)%n",
                senderLimit, granted, length, senderLimit.maxPermitsIn(length));
        System.out.printf(
                "  busiest second, on the grants' own instants: sender %d (limit %d), campaigns %d and %d (limit %d)%n",
                busiest(grants, -1, second, false),
                senderLimit.maxPermitsIn(second),
                busiest(grants, 0, second, false),
                busiest(grants, 1, second, false),
                CAMPAIGN_LIMIT.maxPermitsIn(second));
        System.out.printf(
                "  busiest second, in real time (node a's clock): sender %d, campaigns %d and %d%n",
                busiest(grants, -1, second, true), busiest(grants, 0, second, true), busiest(grants, 1, second, true));
    }

    /** The most permits of {@code campaign} (-1: all) in any half-open window, on the chosen instants. */
    private static long busiest(List<Grant> grants, int campaign, Duration window, boolean real) {
        List<Grant> chosen = new ArrayList<>(grants.stream()
                .filter(g -> campaign < 0 || g.campaign() == campaign)
                .toList());
        chosen.sort((x, y) -> (real ? x.real() : x.at()).compareTo(real ? y.real() : y.at()));
        long max = 0;
        long inWindow = 0;
        int first = 0;
        for (Grant grant : chosen) {
            inWindow += grant.permits();
            Instant at = real ? grant.real() : grant.at();
            while (!(real ? chosen.get(first).real() : chosen.get(first).at())
                    .plus(window)
                    .isAfter(at)) {
                inWindow -= chosen.get(first).permits();
                first++;
            }
            max = Math.max(max, inWindow);
        }
        return max;
    }
}
