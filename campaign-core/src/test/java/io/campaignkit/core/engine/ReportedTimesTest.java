package io.campaignkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14 item 24: one precision for stored times, and no delivery shown before its send. */
class ReportedTimesTest {

    private static final CampaignId ID = CampaignId.of("c-1");
    private static final Contact ANA =
            Contact.builder(PhoneNumber.parse("+525512345678")).name("Ana").build();
    /** The engine's clock, to the nanosecond as some JVMs give it. */
    private static final Instant SENT = Instant.parse("2026-06-01T15:00:00.123456789Z");
    /** The provider's clock, to the second: before the send as recorded. */
    private static final Instant PROVIDER_DELIVERED = Instant.parse("2026-06-01T15:00:00Z");

    private static Recipient recipient(
            Optional<Instant> sent, Optional<Instant> delivered, Optional<Instant> read, Optional<Instant> replied) {
        return Recipient.of(ID, 0, NewRecipient.pending(ANA, SENT), SENT).withTimes(sent, delivered, read, replied);
    }

    @Test
    void storedAndUpdateTimesAreKeptToTheMillisecond() {
        Recipient recipient = recipient(Optional.of(SENT), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(recipient.sentAt()).contains(Instant.parse("2026-06-01T15:00:00.123Z"));
        assertThat(recipient.updatedAt()).isEqualTo(Instant.parse("2026-06-01T15:00:00.123Z"));
        RecipientKey key = new RecipientKey(ID, ANA.phone());
        assertThat(new RecipientUpdate.Accepted(key, new Lease("me", SENT.plusSeconds(60)), "wamid.1", SENT).at())
                .isEqualTo(Instant.parse("2026-06-01T15:00:00.123Z"));
        assertThat(new FunnelStep(ID, ANA.phone(), "PAID", SENT).at())
                .isEqualTo(Instant.parse("2026-06-01T15:00:00.123Z"));
    }

    @Test
    void aProviderTimeBeforeTheSendIsShownAsTheSendsTimeAndKeptAsTheProviderGaveIt() {
        Recipient recipient = recipient(
                Optional.of(SENT),
                Optional.of(PROVIDER_DELIVERED),
                Optional.of(PROVIDER_DELIVERED),
                Optional.of(PROVIDER_DELIVERED));

        ReportedTimes shown = new RecipientReport(recipient, List.of()).times();

        Instant sentToTheMilli = Instant.parse("2026-06-01T15:00:00.123Z");
        assertThat(shown.sentAt()).contains(sentToTheMilli);
        assertThat(shown.deliveredAt()).contains(sentToTheMilli);
        assertThat(shown.readAt()).contains(sentToTheMilli);
        assertThat(shown.repliedAt()).contains(sentToTheMilli);
        assertThat(recipient.deliveredAt())
                .as("the provider's own time is kept")
                .contains(PROVIDER_DELIVERED);
    }

    @Test
    void timesInOrderAreShownAsTheyAre() {
        Instant delivered = SENT.plusSeconds(2);
        Instant read = SENT.plusSeconds(5);
        Recipient recipient = recipient(Optional.of(SENT), Optional.of(delivered), Optional.of(read), Optional.empty());

        ReportedTimes shown = ReportedTimes.of(recipient);

        assertThat(shown.deliveredAt()).isEqualTo(recipient.deliveredAt());
        assertThat(shown.readAt()).isEqualTo(recipient.readAt());
        assertThat(shown.repliedAt()).isEmpty();
        // a read reported before the delivery (each to its own second) is shown at the delivery
        Recipient readFirst = recipient(
                Optional.of(SENT), Optional.of(delivered), Optional.of(SENT.plusMillis(500)), Optional.empty());
        assertThat(ReportedTimes.of(readFirst).readAt()).isEqualTo(readFirst.deliveredAt());
    }
}
