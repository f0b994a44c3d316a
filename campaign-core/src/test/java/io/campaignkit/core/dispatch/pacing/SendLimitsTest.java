package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sender-only limits: the sender's limit alone, for replies. */
class SendLimitsTest {

    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "109876543210");

    @Test
    void senderOnlyLimitsAreTheReservedCampaignWithTheSendersLimitTwice() {
        SendLimits limits = SendLimits.senderOnly(SENDER, RateLimit.perSecond(3).withBurst(2));
        assertThat(limits.campaign()).isEqualTo(SendLimits.SENDER_ONLY);
        assertThat(limits.campaignLimit()).isEqualTo(limits.senderLimit());
        assertThat(limits.isSenderOnly()).isTrue();
        assertThat(new SendLimits(CampaignId.of("c"), RateLimit.perSecond(3), SENDER, RateLimit.perSecond(3))
                        .isSenderOnly())
                .isFalse();
    }

    @Test
    void theReservedCampaignWithAnotherLimitIsRefusedByName() {
        assertThatThrownBy(() ->
                        new SendLimits(SendLimits.SENDER_ONLY, RateLimit.perHour(1), SENDER, RateLimit.perSecond(1)))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e ->
                        assertThat(((InvalidArgumentException) e).argument()).isEqualTo("campaignLimit"));
        assertThatThrownBy(() -> SendLimits.senderOnly(SENDER, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("senderLimit");
    }

    @Test
    void thePermitIntervalIsOnePermitOfTheSendersLimitRoundedUp() {
        assertThat(SendLimits.senderOnly(SENDER, RateLimit.perSecond(1)).senderPermitInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SendLimits.senderOnly(SENDER, RateLimit.perSecond(3)).senderPermitInterval())
                .isEqualTo(Duration.ofNanos(333_333_334));
        assertThat(SendLimits.senderOnly(SENDER, RateLimit.perHour(1800)).senderPermitInterval())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theInProcessStoreServesSenderOnlyLimitsOfManySendersFromTheirSendersBuckets() {
        PacingStore store = PacingStore.inProcess();
        java.time.Instant t0 = java.time.Instant.parse("2026-06-01T15:00:00Z");
        SendLimits campaign =
                new SendLimits(CampaignId.of("c"), RateLimit.perSecond(100), SENDER, RateLimit.perSecond(1));
        assertThat(store.tryAcquire(SendLimits.senderOnly(SENDER, RateLimit.perSecond(1)), 1, t0))
                .isEqualTo(1);
        assertThat(store.tryAcquire(
                        SendLimits.senderOnly(new SenderKey("twilio", "+15550001111"), RateLimit.perSecond(1)), 1, t0))
                .as("the reserved campaign of another sender is not a conflicting campaign")
                .isEqualTo(1);
        assertThat(store.tryAcquire(campaign, 1, t0)).isZero();
    }
}
