package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    @Test
    void waitersStartInArrivalOrderAsPermitsAreReleased() {
        InFlightLimiter limiter = new InFlightLimiter(2);
        CompletableFuture<Void> first = limiter.acquire();
        CompletableFuture<Void> second = limiter.acquire();
        CompletableFuture<Void> third = limiter.acquire();
        CompletableFuture<Void> fourth = limiter.acquire();
        assertThat(first).isDone();
        assertThat(second).isDone();
        assertThat(third).isNotDone();
        assertThat(fourth).isNotDone();
        assertThat(limiter.waiting()).isEqualTo(2);

        limiter.release();
        assertThat(third).isDone();
        assertThat(fourth).isNotDone();
        assertThat(limiter.inFlight()).isEqualTo(2);

        limiter.release();
        limiter.release();
        limiter.release();
        assertThat(fourth).isDone();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void boundMustBePositive() {
        assertThatThrownBy(() -> new InFlightLimiter(0)).hasMessageContaining("maxInFlight");
    }

    /** Against a model: any sequence of acquires and releases keeps the bound and the FIFO order. */
    @Property(tries = 300)
    void behavesLikeASemaphoreWithAQueue(
            @ForAll @IntRange(min = 1, max = 5) int bound, @ForAll @Size(max = 60) List<Boolean> acquireOrRelease) {
        InFlightLimiter limiter = new InFlightLimiter(bound);
        List<CompletableFuture<Void>> permits = new ArrayList<>();
        int modelInFlight = 0;
        int modelWaiting = 0;
        int modelGranted = 0;
        for (boolean acquire : acquireOrRelease) {
            if (acquire) {
                permits.add(limiter.acquire());
                if (modelInFlight < bound) {
                    modelInFlight++;
                    modelGranted++;
                } else {
                    modelWaiting++;
                }
            } else if (modelInFlight > 0) {
                limiter.release();
                if (modelWaiting > 0) {
                    modelWaiting--;
                    modelGranted++;
                } else {
                    modelInFlight--;
                }
            }
            assertThat(limiter.inFlight()).isEqualTo(modelInFlight).isLessThanOrEqualTo(bound);
            assertThat(limiter.waiting()).isEqualTo(modelWaiting);
            // FIFO: exactly the first modelGranted permits are granted.
            for (int i = 0; i < permits.size(); i++) {
                assertThat(permits.get(i).isDone()).isEqualTo(i < modelGranted);
            }
        }
    }
}
