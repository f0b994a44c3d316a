package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void onlyRateLimitedAndTransientAreRetryable() {
        assertThat(SendErrorClass.values())
                .filteredOn(SendErrorClass::isRetryable)
                .containsExactlyInAnyOrder(SendErrorClass.RATE_LIMITED, SendErrorClass.TRANSIENT);
    }

    @Test
    void exceptionKeepsClassProviderCodeMessageAndRetryAfter() {
        SendFailure failure = SendFailure.of(SendErrorClass.RATE_LIMITED, "130429", "Rate limit hit")
                .withRetryAfter(Duration.ofSeconds(1));
        ChannelSendException exception = new ChannelSendException(failure);

        assertThat(exception.errorClass()).isEqualTo(SendErrorClass.RATE_LIMITED);
        assertThat(exception.failure().providerCode()).contains("130429");
        assertThat(exception.failure().retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(exception).hasMessage("RATE_LIMITED [130429] Rate limit hit (retry after PT1S)");
    }

    @Test
    void findsTheChannelExceptionInsideACompletionException() {
        ChannelSendException cause = new ChannelSendException(
                SendFailure.withoutProviderCode(SendErrorClass.UNKNOWN_OUTCOME, "read timeout"));
        CompletableFuture<SendReceipt> failed = CompletableFuture.failedFuture(cause);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(failed::join);

        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(ChannelSendException.find(thrown)).containsSame(cause);
        assertThat(ChannelSendException.find(new IllegalStateException("other")))
                .isEmpty();
    }

    @Test
    void refusesNegativeRetryAfterAndBlankCodes() {
        assertThatThrownBy(
                        () -> SendFailure.of(SendErrorClass.TRANSIENT, "1", "x").withRetryAfter(Duration.ofSeconds(-1)))
                .hasMessageContaining("retryAfter");
        assertThatThrownBy(() -> SendFailure.of(SendErrorClass.TRANSIENT, " ", "x"))
                .hasMessageContaining("providerCode");
    }

    @Test
    void aNotOnChannelAnswerIsARecipientPermanentFailureFlaggedSoACampaignMayFallBack() {
        SendFailure undeliverable = SendFailure.notOnChannel("131026", "Message undeliverable");

        assertThat(undeliverable.errorClass()).isEqualTo(SendErrorClass.RECIPIENT_PERMANENT);
        assertThat(undeliverable.notOnChannel()).isTrue();
        assertThat(undeliverable.withRetryAfter(Duration.ofSeconds(1)).notOnChannel())
                .isTrue();
        assertThat(undeliverable.describe())
                .isEqualTo("RECIPIENT_PERMANENT (not on this channel) [131026] Message undeliverable");
        assertThat(SendFailure.of(SendErrorClass.RECIPIENT_PERMANENT, "131026", "Message undeliverable")
                        .notOnChannel())
                .as("unflagged unless the adapter says so")
                .isFalse();
        assertThatThrownBy(() -> new SendFailure(
                        SendErrorClass.TRANSIENT, java.util.Optional.empty(), "x", java.util.Optional.empty(), true))
                .hasMessageContaining("notOnChannel");
    }
}
