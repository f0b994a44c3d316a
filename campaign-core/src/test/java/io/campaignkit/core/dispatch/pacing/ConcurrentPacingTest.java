package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.SenderKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

class ConcurrentPacingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final int THREADS = 8;
    private static final int ATTEMPTS_PER_THREAD = 2_000;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    // races are rare events: repeat so that a missing lock shows up (it did in 2 of 3 runs of one repetition)
    @RepeatedTest(10)
    void concurrentAcquisitionsNeverGrantMoreThanTheBucketHolds() throws Exception {
        TokenBucketPacer pacer = TokenBucketPacer.of(RateLimit.perSecond(50).withBurst(499));

        int granted = runConcurrently(i -> () -> pacer.tryAcquire(1 + i % 3, NOW));

        assertThat(granted).isEqualTo(500);
    }

    @RepeatedTest(5)
    void campaignsSharingASenderConcurrentlyGrantExactlyWhatBothAllow() throws Exception {
        SenderPacers senders = new SenderPacers();
        SenderKey sender = new SenderKey("sms", "+15005550006");
        RateLimit senderLimit = RateLimit.perSecond(80).withBurst(299);
        TokenBucketPacer campaignA = TokenBucketPacer.of(RateLimit.perSecond(20).withBurst(149));
        TokenBucketPacer campaignB = TokenBucketPacer.of(RateLimit.perSecond(20).withBurst(199));
        TokenBucketPacer shared = senders.pacerFor(sender, senderLimit);
        // opposite argument orders: the global lock order must prevent a deadlock
        List<SendPacer> pacers = List.of(SendPacer.allOf(campaignA, shared), SendPacer.allOf(shared, campaignB));

        int granted = runConcurrently(i -> () -> pacers.get(i % 2).tryAcquire(1, NOW));

        // 300 = the sender's capacity; the campaigns could have taken 150 + 200
        assertThat(granted).isEqualTo(300);
        assertThat(shared.availablePermits(NOW)).isZero();
        assertThat(campaignA.availablePermits(NOW) + campaignB.availablePermits(NOW))
                .isEqualTo(50);
    }

    /** Runs one task per thread, all released together; each task asks ATTEMPTS_PER_THREAD times. */
    private int runConcurrently(java.util.function.IntFunction<IntSupplier> taskForThread) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            IntSupplier acquire = taskForThread.apply(t);
            results.add(CompletableFuture.supplyAsync(
                    () -> {
                        awaitQuietly(start);
                        int sum = 0;
                        for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                            sum += acquire.getAsInt();
                        }
                        return sum;
                    },
                    executor));
        }
        start.countDown();
        int total = 0;
        for (CompletableFuture<Integer> result : results) {
            total += result.get(30, TimeUnit.SECONDS);
        }
        return total;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
