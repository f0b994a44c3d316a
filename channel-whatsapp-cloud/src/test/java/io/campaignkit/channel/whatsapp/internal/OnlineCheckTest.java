package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.CredentialsCheck;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A preflight waits for the online check a second past the request's timeout, so the request's own timeout
 * answers first, and never past ten seconds, since the engine launches under its lock.
 */
class OnlineCheckTest {

    @Test
    void theWaitIsASecondPastTheRequestTimeoutAndNeverPastTenSeconds() {
        assertThat(OnlineCheck.waitFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(3));
        assertThat(OnlineCheck.waitFor(Duration.ofMillis(8_999))).isEqualTo(Duration.ofMillis(9_999));
        assertThat(OnlineCheck.waitFor(Duration.ofSeconds(9))).isEqualTo(OnlineCheck.LONGEST_WAIT);
        assertThat(OnlineCheck.waitFor(Duration.ofMillis(9_500))).isEqualTo(OnlineCheck.LONGEST_WAIT);
        assertThat(OnlineCheck.waitFor(Duration.ofSeconds(30))).isEqualTo(OnlineCheck.LONGEST_WAIT);
    }

    @Test
    void anAnswerInTimeIsPassedOnAndAFailedCheckCountsAsNotMade() {
        CredentialsCheck accepted = new CredentialsCheck.Accepted("phone-number id PNID");
        assertThat(OnlineCheck.await(CompletableFuture.completedFuture(accepted), Duration.ofSeconds(5)))
                .isEqualTo(accepted);
        assertThat(OnlineCheck.await(
                        CompletableFuture.failedFuture(new IllegalStateException("boom")), Duration.ofSeconds(5)))
                .isEqualTo(new CredentialsCheck.NotChecked("the online check gave no answer: ExecutionException"));
    }

    @Test
    void aThreadInterruptedWhileWaitingKeepsItsInterruptAndTheCheckCountsAsNotMade() {
        Thread.currentThread().interrupt();
        try {
            assertThat(OnlineCheck.await(new CompletableFuture<>(), Duration.ofSeconds(5)))
                    .isEqualTo(new CredentialsCheck.NotChecked("interrupted while waiting for the online check"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
