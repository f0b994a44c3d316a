package io.campaignkit.core.dispatch.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.SenderKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendPacerCompositionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "1098765432");

    @Test
    void aRefusalByTheCampaignDoesNotSpendTheSendersPermit() {
        TokenBucketPacer campaign = TokenBucketPacer.of(RateLimit.perSecond(1));
        TokenBucketPacer sender = TokenBucketPacer.of(RateLimit.perSecond(10).withBurst(9));
        SendPacer both = SendPacer.allOf(campaign, sender);

        assertThat(both.tryAcquire(5, T0)).isEqualTo(1);
        assertThat(both.tryAcquire(T0)).isFalse();

        assertThat(sender.availablePermits(T0))
                .as("only the one granted permit left the sender")
                .isEqualTo(9);
    }

    @Test
    void aRefusalByTheSenderDoesNotSpendTheCampaignsPermit() {
        TokenBucketPacer campaign = TokenBucketPacer.of(RateLimit.perSecond(10).withBurst(9));
        TokenBucketPacer sender = TokenBucketPacer.of(RateLimit.perSecond(1));
        sender.tryAcquire(T0);
        SendPacer both = SendPacer.allOf(campaign, sender);

        assertThat(both.tryAcquire(3, T0)).isZero();
        assertThat(campaign.availablePermits(T0)).isEqualTo(10);
        assertThat(both.availablePermits(T0)).isZero();
    }

    @Test
    void nextPermitAtWaitsForTheSlowestBucket() {
        TokenBucketPacer campaign = TokenBucketPacer.of(RateLimit.perSecond(20));
        TokenBucketPacer sender = TokenBucketPacer.of(RateLimit.perSecond(4));
        SendPacer both = SendPacer.allOf(campaign, sender);
        both.tryAcquire(T0);

        assertThat(both.nextPermitAt(T0)).isEqualTo(T0.plusMillis(250));
        assertThat(both.tryAcquire(T0.plusMillis(249))).isFalse();
        assertThat(both.tryAcquire(T0.plusMillis(250))).isTrue();
    }

    @Test
    void campaignsOnOneSenderShareItsLimit() {
        SenderPacers senders = new SenderPacers();
        RateLimit senderLimit = RateLimit.perSecond(10);
        SendPacer first = senders.campaignPacer(RateLimit.perSecond(8), SENDER, senderLimit);
        SendPacer second = senders.campaignPacer(RateLimit.perSecond(8), SENDER, senderLimit);
        Windows all = new Windows();
        Windows ofFirst = new Windows();
        for (Instant now = T0; now.isBefore(T0.plusSeconds(10)); now = now.plusMillis(10)) {
            int granted = first.tryAcquire(now) ? 1 : 0;
            ofFirst.record(now, granted);
            all.record(now, granted + (second.tryAcquire(now) ? 1 : 0));
        }

        assertThat(all.total()).isEqualTo(100);
        assertThat(all.busiest(Duration.ofSeconds(1))).isEqualTo(10);
        assertThat(ofFirst.busiest(Duration.ofSeconds(1))).isLessThanOrEqualTo(8);
        assertThat(senders.pacerFor(SENDER, senderLimit)).isSameAs(senders.pacerFor(SENDER, senderLimit));
    }

    @Test
    void sendersAreKeptApartByChannelAndId() {
        SenderPacers senders = new SenderPacers();
        RateLimit limit = RateLimit.perSecond(1);

        senders.pacerFor(SENDER, limit).tryAcquire(T0);

        assertThat(senders.pacerFor(new SenderKey("twilio", SENDER.senderId()), limit)
                        .tryAcquire(T0))
                .isTrue();
        assertThat(senders.pacerFor(new SenderKey("whatsapp-cloud", "other"), limit)
                        .tryAcquire(T0))
                .isTrue();
        assertThat(senders.pacerFor(SENDER, limit).tryAcquire(T0)).isFalse();
    }

    @Test
    void aSecondLimitForOneSenderIsRefused() {
        SenderPacers senders = new SenderPacers();
        senders.pacerFor(SENDER, RateLimit.perSecond(80));

        assertThatThrownBy(() -> senders.pacerFor(SENDER, RateLimit.perSecond(20)))
                .isInstanceOf(CampaignKitException.class)
                .hasMessageContaining("80/s")
                .hasMessageContaining("20/s")
                .extracting(e -> ((CampaignKitException) e).code())
                .isEqualTo(SenderPacers.SENDER_LIMIT_CONFLICT);
    }

    @Test
    void allOfFlattensAndCountsABucketOnce() {
        TokenBucketPacer a = TokenBucketPacer.of(RateLimit.perSecond(5).withBurst(4));
        TokenBucketPacer b = TokenBucketPacer.of(RateLimit.perSecond(5).withBurst(4));

        assertThat(SendPacer.allOf(a, a)).isSameAs(a);
        SendPacer nested = SendPacer.allOf(SendPacer.allOf(a, b), a);
        assertThat(nested.tryAcquire(3, T0)).isEqualTo(3);
        assertThat(a.availablePermits(T0)).as("taken once, not twice").isEqualTo(2);
        assertThat(b.availablePermits(T0)).isEqualTo(2);
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        SenderPacers senders = new SenderPacers();
        TokenBucketPacer a = TokenBucketPacer.of(RateLimit.DEFAULT);
        SendPacer both = SendPacer.allOf(a, TokenBucketPacer.of(RateLimit.DEFAULT));

        assertThatThrownBy(() -> SendPacer.allOf(List.of()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("pacers");
        assertThatThrownBy(() -> SendPacer.allOf(a, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("pacers");
        assertThatThrownBy(() -> SendPacer.allOf((SendPacer[]) null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> both.tryAcquire(-1, T0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("permits");
        assertThatThrownBy(() -> both.nextPermitAt(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("now");
        assertThatThrownBy(() -> new SenderKey(" ", "x"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("channelType");
        assertThatThrownBy(() -> new SenderKey("sms", null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("senderId");
        assertThatThrownBy(() -> senders.pacerFor(null, RateLimit.DEFAULT))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("sender");
        assertThatThrownBy(() -> senders.campaignPacer(null, SENDER, RateLimit.DEFAULT))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("campaignLimit");
    }
}
