package io.campaignkit.testkit.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.dispatch.pacing.SendPacer;
import io.campaignkit.core.dispatch.pacing.TokenBucketPacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link PacingStore} passes: the rules the engine's pacing relies on, written as
 * JUnit 5 checks. Extend it in your store's tests and answer the store from {@link #store()}:
 *
 * <pre>{@code
 * class RedisPacingStoreContractTest extends PacingStoreContractKit {
 *     @Override protected PacingStore store() { return RedisPacingStore.on(redis); }
 *     @Override protected PacingStore anotherNode(PacingStore store) { return RedisPacingStore.on(secondConnection); }
 * }
 * }</pre>
 *
 * <p>The checks, each named after its rule: the window bound, the exact long run and next permit, the
 * agreement with core's {@code TokenBucketPacer} arithmetic on random schedules, and threads of two
 * nodes together (the {@link PermitLimits} group); and, in {@link Buckets}, a permit from both buckets or from neither, a
 * sender shared by its campaigns (and not by others), holds, forgetting a campaign, instants that go
 * back, and argument validation; in {@link SenderOnly}, the sender-only limits of replies (the sender's
 * bucket alone, and the hold that makes the campaigns pay a reply sent without a permit). Time is never read from the system clock: the kit passes instants from
 * {@link #startTime()} on a timeline of its own, as the engine passes its clock's.
 */
public abstract class PacingStoreContractKit extends PacingContractSupport {

    /** For subclasses. */
    protected PacingStoreContractKit() {}

    /** How many permits are granted and when. */
    @Nested
    public class PermitLimits {
        /** Random schedules per seed-parameterized check. */
        static final int SCHEDULE_STEPS = 60;

        /** A limit that never binds in the checks: the other bucket is the one under test. */
        static final RateLimit ROOMY = RateLimit.perSecond(1000).withBurst(100);

        /**
         * In any half-open window of length W, at most {@code burst + ceil(rate × W)} permits of a bucket are
         * granted, whichever of the campaign's and the sender's limits is the stricter, for callers asking
         * for random batches at random instants (and at every next permit instant they are told).
         */
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3})
        void noWindowHoldsMoreThanRatePlusBurst(long seed) {
            Random random = new Random(seed);
            PacingStore store = store();
            RateLimit campaignLimit = new RateLimit(3, Duration.ofSeconds(1), 2);
            RateLimit senderLimit = RateLimit.perSecond(7).withBurst(1);
            SendLimits stricterCampaign = limits("strict-campaign", campaignLimit, "roomy", ROOMY);
            SendLimits stricterSender = limits("roomy-campaign", ROOMY, "strict", senderLimit);
            for (SendLimits limits : List.of(stricterCampaign, stricterSender)) {
                Grants grants = new Grants();
                Instant now = startTime();
                for (int step = 0; step < SCHEDULE_STEPS; step++) {
                    grants.add(now, store.tryAcquire(limits, 1 + random.nextInt(4), now));
                    now = random.nextInt(3) == 0
                            ? store.nextPermitAt(limits, now)
                            : now.plusNanos(random.nextInt(400_000_000));
                }
                RateLimit binding = limits == stricterCampaign ? campaignLimit : senderLimit;
                for (Duration window : List.of(
                        Duration.ofMillis(100),
                        Duration.ofMillis(333),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(2500))) {
                    assertThat(grants.maxIn(window))
                            .as("permits in any %s at %s", window, binding)
                            .isLessThanOrEqualTo(binding.maxPermitsIn(window));
                }
            }
        }

        /**
         * A runner that asks at every {@code nextPermitAt}, from a full bucket at {@code t0}, is granted exactly
         * {@code burst + 1 + floor(P × (T − 1 ns) / D)} permits in {@code [t0, t0 + T)}: none lost, none extra.
         */
        @Test
        void aRunnerAtEveryNextPermitGetsExactlyTheRefills() {
            PacingStore store = store();
            RateLimit limit = new RateLimit(3, Duration.ofSeconds(1), 2);
            SendLimits limits = limits("runner", limit, "runner-sender", ROOMY);
            Instant end = at(10_000);
            int granted = 0;
            for (Instant now = startTime(); now.isBefore(end); now = store.nextPermitAt(limits, now)) {
                granted += store.tryAcquire(limits, 100, now);
            }
            assertThat(granted).isEqualTo(limit.burst() + 1 + 3 * 10 - 1);
        }

        /**
         * {@code nextPermitAt} is the first nanosecond with a whole permit, also when a permit takes a
         * fraction of a nanosecond more than a whole number (3/s: 333,333,333⅓ ns), and nothing is granted a
         * nanosecond before it.
         */
        @Test
        void nextPermitAtIsExactToTheNanosecond() {
            PacingStore store = store();
            SendLimits limits = limits("exact", RateLimit.perSecond(3), "exact-sender", ROOMY);
            assertThat(store.tryAcquire(limits, 5, startTime())).isEqualTo(1);
            assertThat(store.nextPermitAt(limits, startTime()))
                    .isEqualTo(startTime().plusNanos(333_333_334));
            List<Long> expected = List.of(333_333_334L, 666_666_667L, 1_000_000_000L);
            for (long nanos : expected) {
                Instant next = startTime().plusNanos(nanos);
                Instant justBefore = next.minusNanos(1);
                assertThat(store.availablePermits(limits, justBefore))
                        .as("a nanosecond before %s", next)
                        .isZero();
                assertThat(store.tryAcquire(limits, 1, justBefore)).isZero();
                assertThat(store.nextPermitAt(limits, justBefore)).isEqualTo(next);
                assertThat(store.availablePermits(limits, next)).isEqualTo(1);
                assertThat(store.nextPermitAt(limits, next))
                        .as("a permit now is due now")
                        .isEqualTo(next);
                assertThat(store.tryAcquire(limits, 5, next)).isEqualTo(1);
            }
        }

        /**
         * On random schedules of two campaigns on one sender (asks, reads and holds at instants that never
         * go back), every answer equals that of core's {@link TokenBucketPacer}s combined with
         * {@link SendPacer#allOf}: the store keeps the bucket's exact arithmetic, and
         * {@code availablePermits} is what {@code tryAcquire} then grants.
         */
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {11, 12, 13})
        void answersAgreeWithTheInProcessBucketsOnRandomSchedules(long seed) {
            Random random = new Random(seed);
            PacingStore store = store();
            RateLimit senderLimit = new RateLimit(5, Duration.ofSeconds(1), 1);
            List<SendLimits> campaigns = List.of(
                    limits("model-a", new RateLimit(3, Duration.ofSeconds(1), 0), "model-sender", senderLimit),
                    limits("model-b", new RateLimit(7, Duration.ofSeconds(2), 2), "model-sender", senderLimit));
            TokenBucketPacer modelSender = TokenBucketPacer.of(senderLimit);
            Map<SendLimits, SendPacer> model = new HashMap<>();
            for (SendLimits limits : campaigns) {
                model.put(limits, SendPacer.allOf(TokenBucketPacer.of(limits.campaignLimit()), modelSender));
            }
            Instant now = startTime();
            for (int step = 0; step < SCHEDULE_STEPS; step++) {
                SendLimits limits = campaigns.get(random.nextInt(campaigns.size()));
                SendPacer expected = Objects.requireNonNull(model.get(limits));
                String where = "step " + step + " at " + now + " for " + limits.campaign();
                switch (random.nextInt(8)) {
                    case 0 -> {
                        Instant until = now.plusMillis(random.nextInt(1500));
                        store.holdSender(limits, until);
                        modelSender.holdUntil(until);
                    }
                    case 1, 2 ->
                        assertThat(store.nextPermitAt(limits, now)).as(where).isEqualTo(expected.nextPermitAt(now));
                    default -> {
                        int available = store.availablePermits(limits, now);
                        assertThat(available).as(where).isEqualTo(expected.availablePermits(now));
                        int wanted = 1 + random.nextInt(4);
                        int granted = store.tryAcquire(limits, wanted, now);
                        assertThat(granted)
                                .as(where)
                                .isEqualTo(Math.min(wanted, available))
                                .isEqualTo(expected.tryAcquire(wanted, now));
                    }
                }
                now = now.plusNanos(random.nextInt(3) == 0 ? 0 : random.nextInt(700_000_000));
            }
        }

        /**
         * Threads on two nodes asking at every step of a shared timeline, for two campaigns on one sender,
         * are granted together no more than the sender's rate + burst in any second, and exactly what its
         * bucket refilled: none lost, none granted twice.
         */
        @Test
        void threadsOnTwoNodesTogetherKeepTheSendersLimit() throws Exception {
            PacingStore one = store();
            PacingStore other = anotherNode(one);
            RateLimit senderLimit = RateLimit.perSecond(100).withBurst(10);
            List<SendLimits> campaigns = List.of(
                    limits("busy-a", ROOMY, "busy-sender", senderLimit),
                    limits("busy-b", ROOMY, "busy-sender", senderLimit));
            Duration step = Duration.ofMillis(10);
            int steps = 200;
            int threads = Math.max(2, concurrentAcquirers());
            Grants all = new Grants();
            Grants[] perThread = new Grants[threads];
            CyclicBarrier everyStep = new CyclicBarrier(threads);
            List<Callable<Void>> acquirers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                perThread[t] = new Grants();
                PacingStore node = thread % 2 == 0 ? one : other;
                SendLimits limits = campaigns.get((thread / 2) % 2);
                acquirers.add(() -> {
                    for (int i = 0; i < steps; i++) {
                        everyStep.await(concurrencyTimeout().toMillis(), TimeUnit.MILLISECONDS);
                        Instant now = startTime().plus(step.multipliedBy(i));
                        int granted = node.tryAcquire(limits, 30, now);
                        all.add(now, granted);
                        perThread[thread].add(now, granted);
                    }
                    return null;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (Future<Void> acquirer :
                        pool.invokeAll(acquirers, concurrencyTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    acquirer.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(all.maxIn(Duration.ofSeconds(1)))
                    .isLessThanOrEqualTo(senderLimit.maxPermitsIn(Duration.ofSeconds(1)));
            assertThat(all.maxIn(step)).isLessThanOrEqualTo(senderLimit.maxPermitsIn(step));
            // a full bucket (burst + 1), then one permit per 10 ms up to the last ask at 1.99 s
            assertThat(all.total()).isEqualTo(senderLimit.burst() + 1 + (steps - 1));
            long firstNode = 0;
            long secondNode = 0;
            for (int t = 0; t < threads; t++) {
                if (t % 2 == 0) {
                    firstNode += perThread[t].total();
                } else {
                    secondNode += perThread[t].total();
                }
            }
            assertThat(firstNode).as("permits of the first node's threads").isPositive();
            assertThat(secondNode).as("permits of the second node's threads").isPositive();
        }
    }

    /** The two buckets of a send, senders shared by campaigns, holds, forgetting, time, arguments. */
    @Nested
    public class Buckets extends PacingBucketChecks {
        /** Runs the group with the kit's hooks. */
        public Buckets() {
            super(PacingStoreContractKit.this);
        }
    }

    /** Sender-only limits ({@link SendLimits#senderOnly}): a reply's permits, in debt when none is free. */
    @Nested
    public class SenderOnly {

        /** A sender-only permit is one of the sender's: the campaigns on it get that many fewer, other senders none fewer. */
        @Test
        void aSenderOnlyPermitIsTakenFromTheSendersBucket() {
            PacingStore store = store();
            SendLimits campaign = limits("paced", PermitLimits.ROOMY, "shared", RateLimit.perSecond(1));
            SendLimits replies = SendLimits.senderOnly(sender("shared"), RateLimit.perSecond(1));
            SendLimits otherReplies = SendLimits.senderOnly(sender("other"), RateLimit.perSecond(1));
            assertThat(store.tryAcquire(replies, 5, at(0))).isEqualTo(1);
            assertThat(store.tryAcquire(otherReplies, 5, at(0)))
                    .as("another sender's bucket")
                    .isEqualTo(1);
            assertThat(store.tryAcquire(campaign, 1, at(999))).isZero();
            assertThat(store.nextPermitAt(replies, at(0))).isEqualTo(at(1000));
            assertThat(store.tryAcquire(campaign, 1, at(1000))).isEqualTo(1);
            assertThat(store.tryAcquire(replies, 1, at(1500))).isZero();
        }

        /** No campaign's pace applies to sender-only limits: a campaign that used its hour's permit slows them down in nothing. */
        @Test
        void noCampaignsPaceAppliesToSenderOnlyLimits() {
            PacingStore store = store();
            RateLimit senderLimit = RateLimit.perSecond(10).withBurst(4);
            SendLimits slow = limits("slow", RateLimit.perHour(1), "fast", senderLimit);
            SendLimits replies = SendLimits.senderOnly(sender("fast"), senderLimit);
            assertThat(store.tryAcquire(slow, 5, at(0))).isEqualTo(1);
            assertThat(store.tryAcquire(replies, 10, at(0)))
                    .as("what the sender's bucket has left")
                    .isEqualTo(4);
            assertThat(store.tryAcquire(replies, 10, at(100))).isEqualTo(1);
            assertThat(store.tryAcquire(slow, 1, at(200)))
                    .as("the campaign's own pace still holds it")
                    .isZero();
        }

        /**
         * A reply sent without a permit holds the sender one permit interval past its next permit: the
         * campaigns on it send that much later, and a second such reply adds one more interval.
         */
        @Test
        void aHoldPastTheNextPermitMakesTheCampaignsPayTheDebt() {
            PacingStore store = store();
            RateLimit senderLimit = RateLimit.perSecond(1);
            SendLimits campaign = limits("debtor", PermitLimits.ROOMY, "in-debt", senderLimit);
            SendLimits replies = SendLimits.senderOnly(sender("in-debt"), senderLimit);
            assertThat(store.tryAcquire(campaign, 1, at(0))).isEqualTo(1);
            for (int reply = 1; reply <= 2; reply++) {
                assertThat(store.tryAcquire(replies, 1, at(100))).isZero();
                store.holdSender(replies, store.nextPermitAt(replies, at(100)).plus(replies.senderPermitInterval()));
            }
            assertThat(store.nextPermitAt(campaign, at(100))).isEqualTo(at(3000));
            assertThat(store.tryAcquire(campaign, 1, at(2999))).isZero();
            assertThat(store.tryAcquire(campaign, 5, at(3000))).isEqualTo(1);
            assertThat(store.tryAcquire(campaign, 5, at(4000))).isEqualTo(1);
        }
    }
}
