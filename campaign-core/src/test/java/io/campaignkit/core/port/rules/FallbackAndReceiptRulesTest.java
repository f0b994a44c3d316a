package io.campaignkit.core.port.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fallback rule of {@link RecipientRules} (a {@link RecipientUpdate.Rerouted} applies once: only
 * from the binding it names, from SENDING under its lease or, without one, from SENT or UNKNOWN) and a
 * receipt that arrives after a SENT status.
 */
class FallbackAndReceiptRulesTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("c-fallback");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+14155550101");
    private static final RecipientKey KEY = new RecipientKey(CAMPAIGN, PHONE);
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Lease LEASE = new Lease("node-a", T0.plusSeconds(30));
    private static final Lease OTHER = new Lease("node-b", T0.plusSeconds(60));
    private static final StatusReason NOT_ON_CHANNEL = StatusReason.of("NOT_ON_CHANNEL", "no WhatsApp", true);
    private static final Instant DUE = T0.plusSeconds(600);

    private static Recipient sending() {
        return RecipientRules.claim(
                Recipient.of(CAMPAIGN, 0, NewRecipient.pending(Contact.of(PHONE), T0), T0), LEASE, T0);
    }

    private static Recipient sent(Recipient sending, Lease lease) {
        return RecipientRules.apply(sending, new RecipientUpdate.Accepted(KEY, lease, "m-1", T0.plusSeconds(1)))
                .orElseThrow();
    }

    private static RecipientUpdate.Rerouted fallback(Optional<Lease> lease, int from) {
        return new RecipientUpdate.Rerouted(KEY, lease, from, from + 1, NOT_ON_CHANNEL, DUE, T0.plusSeconds(5));
    }

    @Test
    void aFallbackUnderTheLeaseMakesTheRecipientPendingOnTheLaterBindingKeepingTheAttemptItLeaves() {
        Recipient moved =
                RecipientRules.apply(sending(), fallback(Optional.of(LEASE), 0)).orElseThrow();

        assertThat(moved.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(moved.binding()).isEqualTo(1);
        assertThat(moved.dueAt()).isEqualTo(DUE);
        assertThat(moved.attempts()).isZero();
        assertThat(moved.lease()).isEmpty();
        assertThat(moved.outcome()).contains(NOT_ON_CHANNEL);
        assertThat(moved.earlierAttempts())
                .containsExactly(
                        new ChannelAttempt(0, Optional.empty(), Optional.empty(), NOT_ON_CHANNEL, T0.plusSeconds(5)));
    }

    @Test
    void withoutALeaseAFallbackAppliesToASentOrUnknownRecipientKeepingWhatTheProviderSaid() {
        Recipient fromSent = RecipientRules.apply(sent(sending(), LEASE), fallback(Optional.empty(), 0))
                .orElseThrow();
        assertThat(fromSent.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(fromSent.binding()).isEqualTo(1);
        assertThat(fromSent.earlierAttempts())
                .containsExactly(new ChannelAttempt(
                        0, Optional.of("m-1"), Optional.of(T0.plusSeconds(1)), NOT_ON_CHANNEL, T0.plusSeconds(5)));

        Recipient unknown = RecipientRules.apply(
                        sending(),
                        new RecipientUpdate.Unknown(KEY, LEASE, StatusReason.of("TIMEOUT", "no answer", false), T0))
                .orElseThrow();
        assertThat(RecipientRules.apply(unknown, fallback(Optional.empty(), 0)))
                .hasValueSatisfying(r -> assertThat(r.binding()).isEqualTo(1));
    }

    @Test
    void aFallbackAppliesOnceAndNeverToARecipientDeliveredOrHeldElsewhere() {
        Recipient moved = RecipientRules.apply(sent(sending(), LEASE), fallback(Optional.empty(), 0))
                .orElseThrow();
        assertThat(RecipientRules.apply(moved, fallback(Optional.empty(), 0))).isEmpty();

        // sent again on the later binding: a second fallback from the first binding is stale
        Recipient sentOnSecond = sent(RecipientRules.claim(moved, OTHER, T0.plusSeconds(700)), OTHER);
        assertThat(RecipientRules.apply(sentOnSecond, fallback(Optional.empty(), 0)))
                .isEmpty();
        assertThat(RecipientRules.apply(sentOnSecond, fallback(Optional.empty(), 1)))
                .hasValueSatisfying(r -> assertThat(r.binding()).isEqualTo(2));

        Recipient delivered = RecipientRules.apply(
                        sent(sending(), LEASE),
                        new RecipientUpdate.StatusReached(
                                KEY, DeliveryState.DELIVERED, Optional.empty(), T0.plusSeconds(2)))
                .orElseThrow();
        assertThat(RecipientRules.apply(delivered, fallback(Optional.empty(), 0)))
                .isEmpty();
        assertThat(RecipientRules.apply(sending(), fallback(Optional.of(OTHER), 0)))
                .isEmpty();
        assertThat(RecipientRules.apply(sending(), fallback(Optional.empty(), 0)))
                .isEmpty();
    }

    @Test
    void aReceiptAfterASentStatusFillsTheProviderIdItLacks() {
        Recipient early = RecipientRules.apply(
                        sending(),
                        new RecipientUpdate.StatusReached(KEY, DeliveryState.SENT, Optional.empty(), T0.plusSeconds(2)))
                .orElseThrow();
        assertThat(early.state()).isEqualTo(DeliveryState.SENT);
        assertThat(early.providerMessageId()).isEmpty();

        Recipient filled = RecipientRules.apply(
                        early, new RecipientUpdate.Accepted(KEY, LEASE, "m-1", T0.plusSeconds(1)))
                .orElseThrow();

        assertThat(filled.state()).isEqualTo(DeliveryState.SENT);
        assertThat(filled.providerMessageId()).contains("m-1");
    }
}
