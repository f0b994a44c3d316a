package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-process pacing store; the shared contract of every PacingStore is in campaign-testkit. */
class InProcessPacingStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "1555000");
    private static final RateLimit SENDER_LIMIT = RateLimit.perSecond(10).withBurst(2);

    private final PacingStore pacing = PacingStore.inProcess();

    private static SendLimits limits(String campaign, RateLimit pace) {
        return new SendLimits(CampaignId.of(campaign), pace, SENDER, SENDER_LIMIT);
    }

    @Test
    void twoCampaignsShareTheirSendersBucket() {
        SendLimits a = limits("a", RateLimit.perSecond(100).withBurst(100));
        SendLimits b = limits("b", RateLimit.perSecond(100).withBurst(100));

        assertThat(pacing.tryAcquire(a, 2, T0)).isEqualTo(2);
        assertThat(pacing.availablePermits(b, T0))
                .as("the sender holds burst + 1 = 3")
                .isEqualTo(1);
        assertThat(pacing.tryAcquire(b, 5, T0)).isEqualTo(1);
        assertThat(pacing.nextPermitAt(a, T0)).isEqualTo(T0.plusMillis(100));
    }

    @Test
    void theCampaignsPaceLimitsEvenWhenTheSenderHasRoom() {
        SendLimits slow = limits("slow", RateLimit.perSecond(1));

        assertThat(pacing.tryAcquire(slow, 3, T0)).isEqualTo(1);
        assertThat(pacing.availablePermits(
                        limits("other", RateLimit.perSecond(50).withBurst(10)), T0))
                .as("the refused permits were not taken from the sender")
                .isEqualTo(2);
        assertThat(pacing.nextPermitAt(slow, T0)).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aHoldOnTheSenderStopsEveryCampaignOnIt() {
        SendLimits a = limits("a", RateLimit.perSecond(100));
        SendLimits b = limits("b", RateLimit.perSecond(100));

        pacing.holdSender(a, T0.plusSeconds(30));

        assertThat(pacing.tryAcquire(b, 1, T0.plusSeconds(29))).isZero();
        assertThat(pacing.nextPermitAt(b, T0)).isEqualTo(T0.plusSeconds(30));
        assertThat(pacing.tryAcquire(a, 1, T0.plusSeconds(31))).isEqualTo(1);
    }

    @Test
    void aCampaignKeepsItsLimitsUntilForgotten() {
        SendLimits first = limits("a", RateLimit.perSecond(5));
        pacing.tryAcquire(first, 1, T0);

        assertThatThrownBy(() -> pacing.tryAcquire(limits("a", RateLimit.perSecond(6)), 1, T0))
                .isInstanceOfSatisfying(
                        CampaignKitException.class,
                        e -> assertThat(e.code()).isEqualTo(InProcessPacingStore.CAMPAIGN_LIMIT_CONFLICT));

        pacing.forget(CampaignId.of("a"));
        assertThat(pacing.tryAcquire(limits("a", RateLimit.perSecond(6)), 1, T0))
                .isEqualTo(1);
    }

    @Test
    void aPacerForgottenWhileAnotherThreadRemembersItIsNotHandedOutAgain() throws Exception {
        SendLimits limits = limits("a", RateLimit.perSecond(1));
        assertThat(pacing.tryAcquire(limits, 1, T0)).isEqualTo(1);
        Field last = InProcessPacingStore.class.getDeclaredField("lastPaced");
        last.setAccessible(true);
        Object remembered = last.get(pacing);

        pacing.forget(CampaignId.of("a"));
        // the interleaving: a pacerFor that looked the pacer up before the forget stores it after
        last.set(pacing, remembered);

        assertThat(pacing.tryAcquire(limits, 1, T0))
                .as("a fresh bucket for the campaign paced again, not the forgotten one, empty")
                .isEqualTo(1);
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        SendLimits a = limits("a", RateLimit.perSecond(5));
        assertThatThrownBy(() -> pacing.tryAcquire(null, 1, T0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("limits"));
        assertThatThrownBy(() -> pacing.tryAcquire(a, 0, T0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("permits"));
        assertThatThrownBy(() -> pacing.availablePermits(a, null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("now"));
        assertThatThrownBy(() -> pacing.holdSender(a, null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("until"));
        assertThatThrownBy(() -> new SendLimits(null, RateLimit.DEFAULT, SENDER, SENDER_LIMIT))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("campaign"));
    }
}
