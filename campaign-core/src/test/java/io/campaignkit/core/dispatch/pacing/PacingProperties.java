package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.SenderKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class PacingProperties {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    /** One request: wait {@code gapNanos} after the previous one, then ask for {@code permits} for one campaign. */
    record Request(long gapNanos, int permits, int campaign) {}

    record Schedule(RateLimit limit, List<Request> requests) {}

    record SharedSchedule(RateLimit senderLimit, List<RateLimit> campaignLimits, List<Request> requests) {}

    @Provide
    Arbitrary<RateLimit> limits() {
        Arbitrary<Duration> periods = Arbitraries.oneOf(
                Arbitraries.just(Duration.ofSeconds(1)),
                Arbitraries.just(Duration.ofMinutes(1)),
                Arbitraries.just(Duration.ofHours(1)),
                Arbitraries.longs().between(1, 5_000).map(Duration::ofMillis));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 2_000),
                        periods,
                        Arbitraries.integers().between(0, 20))
                .as((permits, period, burst) -> new RateLimit(permits, period, burst));
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        return limits().flatMap(limit -> requests(limit.period(), 1).map(requests -> new Schedule(limit, requests)));
    }

    @Provide
    Arbitrary<SharedSchedule> sharedSchedules() {
        Arbitrary<List<RateLimit>> campaigns = Combinators.combine(
                        Arbitraries.integers().between(1, 200),
                        Arbitraries.integers().between(0, 5))
                .as((rate, burst) -> RateLimit.perSecond(rate).withBurst(burst))
                .list()
                .ofMinSize(2)
                .ofMaxSize(3);
        return Combinators.combine(limits(), campaigns).as(Tuple::of).flatMap(pair -> {
            Duration shortest =
                    pair.get1().period().compareTo(ONE_SECOND) < 0 ? pair.get1().period() : ONE_SECOND;
            return requests(shortest, pair.get2().size())
                    .map(requests -> new SharedSchedule(pair.get1(), pair.get2(), requests));
        });
    }

    /**
     * Phases of requests: an idle gap (none to three periods, so the bucket may fill up), then a
     * run of requests close together (gaps from none to a phase-wide maximum, so some runs ask
     * faster than the refill and some slower), each for 1 to 30 permits.
     */
    private static Arbitrary<List<Request>> requests(Duration period, int campaigns) {
        long p = period.toNanos();
        Arbitrary<Long> idleGaps = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.longs().between(1, p)),
                Tuple.of(2, Arbitraries.longs().between(p, 3 * p)));
        Arbitrary<Long> maxDenseGaps = Arbitraries.longs().between(0, Math.max(1, p / 20));
        Arbitrary<List<Request>> phases = Combinators.combine(idleGaps, maxDenseGaps)
                .as(Tuple::of)
                .flatMap(gaps -> {
                    Arbitrary<Request> dense = Combinators.combine(
                                    Arbitraries.longs().between(0, gaps.get2()),
                                    Arbitraries.integers().between(1, 30),
                                    Arbitraries.integers().between(0, campaigns - 1))
                            .as(Request::new);
                    return dense.list().ofMinSize(1).ofMaxSize(100).map(run -> {
                        List<Request> phase = new ArrayList<>(run);
                        Request first = phase.get(0);
                        phase.set(0, new Request(gaps.get1(), first.permits(), first.campaign()));
                        return phase;
                    });
                });
        return phases.list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(all -> all.stream().flatMap(List::stream).toList());
    }

    @Property(tries = 300)
    void noWindowOfOnePeriodExceedsRatePlusBurst(@ForAll("schedules") Schedule schedule) {
        RateLimit limit = schedule.limit();
        TokenBucketPacer pacer = TokenBucketPacer.of(limit);
        Windows windows = new Windows();
        Instant now = T0;
        for (Request request : schedule.requests()) {
            now = now.plusNanos(request.gapNanos());
            windows.record(now, pacer.tryAcquire(request.permits(), now));
        }

        assertThat(windows.busiest(limit.period())).isLessThanOrEqualTo(limit.permits() + limit.burst());
        assertThat((long) windows.busiest(ONE_SECOND)).isLessThanOrEqualTo(limit.maxPermitsIn(ONE_SECOND));
        assertThat((long) windows.total())
                .isLessThanOrEqualTo(
                        limit.maxPermitsIn(Duration.between(T0, now).plusNanos(1)));
    }

    @Property(tries = 200)
    void campaignsSharingASenderNeverExceedTheirOwnLimitsNorTheSenders(
            @ForAll("sharedSchedules") SharedSchedule schedule) {
        SenderPacers senders = new SenderPacers();
        SenderKey sender = new SenderKey("whatsapp-cloud", "sender");
        List<TokenBucketPacer> campaignBuckets = new ArrayList<>();
        List<SendPacer> pacers = new ArrayList<>();
        List<Windows> perCampaign = new ArrayList<>();
        for (RateLimit limit : schedule.campaignLimits()) {
            TokenBucketPacer bucket = TokenBucketPacer.of(limit);
            campaignBuckets.add(bucket);
            pacers.add(SendPacer.allOf(bucket, senders.pacerFor(sender, schedule.senderLimit())));
            perCampaign.add(new Windows());
        }
        TokenBucketPacer shared = senders.pacerFor(sender, schedule.senderLimit());
        Windows all = new Windows();
        Instant now = T0;
        for (Request request : schedule.requests()) {
            now = now.plusNanos(request.gapNanos());
            int c = request.campaign();
            int campaignBefore = campaignBuckets.get(c).availablePermits(now);
            int senderBefore = shared.availablePermits(now);

            int granted = pacers.get(c).tryAcquire(request.permits(), now);

            // atomic: as many as both allowed, taken from both, nothing leaked from either
            assertThat(granted).isEqualTo(Math.min(request.permits(), Math.min(campaignBefore, senderBefore)));
            assertThat(campaignBuckets.get(c).availablePermits(now)).isEqualTo(campaignBefore - granted);
            assertThat(shared.availablePermits(now)).isEqualTo(senderBefore - granted);
            perCampaign.get(c).record(now, granted);
            all.record(now, granted);
        }

        RateLimit senderLimit = schedule.senderLimit();
        assertThat(all.busiest(senderLimit.period())).isLessThanOrEqualTo(senderLimit.permits() + senderLimit.burst());
        for (int c = 0; c < perCampaign.size(); c++) {
            RateLimit limit = schedule.campaignLimits().get(c);
            assertThat(perCampaign.get(c).busiest(ONE_SECOND)).isLessThanOrEqualTo(limit.permits() + limit.burst());
        }
    }

    @Property(tries = 300)
    void aRunnerThatAlwaysAsksGetsTheExactLongRunCount(
            @ForAll("limits") RateLimit limit,
            @ForAll @IntRange(min = 1, max = 200) int periods,
            @ForAll @IntRange(min = 0, max = 999) int thousandthsMore) {
        long periodNanos = limit.period().toNanos();
        long runNanos = periodNanos * periods + periodNanos / 1000 * thousandthsMore;
        Duration run = Duration.ofNanos(runNanos);
        Assume.that(limit.maxPermitsIn(run) <= 20_000);
        Instant end = T0.plus(run);
        TokenBucketPacer pacer = TokenBucketPacer.of(limit);
        long granted = 0;
        for (Instant now = T0; now.isBefore(end); now = pacer.nextPermitAt(now)) {
            granted += pacer.tryAcquire(Integer.MAX_VALUE, now);
        }

        double rateTimesDuration = (double) limit.permits() * runNanos / periodNanos;
        long exact = limit.burst() + 1 + Math.floorDiv(limit.permits() * (runNanos - 1), periodNanos);
        assertThat(granted).isEqualTo(exact).isLessThanOrEqualTo(limit.maxPermitsIn(run));
        assertThat((double) granted)
                .isGreaterThanOrEqualTo(rateTimesDuration - 1)
                .isLessThanOrEqualTo(Math.ceil(rateTimesDuration) + limit.burst());
    }
}
