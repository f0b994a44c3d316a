package io.campaignkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnginePortTypesTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+525512345678");

    @Test
    void aCorrelationIdFitsTheChannelSpiEvenForTheLongestCampaignId() {
        RecipientKey key = new RecipientKey(CampaignId.of("a:b.c-d_" + "x".repeat(CampaignId.MAX_LENGTH - 8)), PHONE);
        OutboundMessage message = new OutboundMessage(PHONE.e164(), "s", key.correlationId(), TextContent.of("hola"));
        assertThat(message.correlationId()).endsWith(":" + PHONE.digits());
    }

    @Test
    void aStatusReportReachesOnlyReportableStatesAndFailedNeedsAReason() {
        RecipientKey key = new RecipientKey(CampaignId.of("c"), PHONE);
        assertThatThrownBy(() -> new RecipientUpdate.StatusReached(key, DeliveryState.PENDING, Optional.empty(), NOW))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("state"));
        assertThatThrownBy(() -> new RecipientUpdate.StatusReached(key, DeliveryState.FAILED, Optional.empty(), NOW))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("reason"));
        assertThat(new RecipientUpdate.StatusReached(
                                key,
                                DeliveryState.FAILED,
                                Optional.of(StatusReason.of("RECIPIENT_PERMANENT", "gone", true)),
                                NOW)
                        .state())
                .isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void countsListEveryStateAndTotalThem() {
        RecipientCounts counts = new RecipientCounts(
                Map.of(DeliveryState.SENT, 3L, DeliveryState.SKIPPED, 2L), 3, 1, 0, Map.of("OPTED_OUT", 2L), Map.of());
        assertThat(counts.count(DeliveryState.READ)).isZero();
        assertThat(counts.total()).isEqualTo(5);
        assertThat(RecipientCounts.empty().total()).isZero();
    }

    @Test
    void unknownRecipientEventsCarryACode() {
        CampaignId id = CampaignId.of("c");
        assertThatThrownBy(() -> new RecipientEvent(
                        id, PHONE, RecipientEvent.Type.UNKNOWN, Optional.empty(), Optional.empty(), NOW))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(new RecipientEvent(
                                id,
                                PHONE,
                                RecipientEvent.Type.UNKNOWN,
                                Optional.of("UNKNOWN_OUTCOME"),
                                Optional.empty(),
                                NOW)
                        .code())
                .contains("UNKNOWN_OUTCOME");
    }

    @Test
    void aConversationIsClosedExactlyWhenItHasAReason() {
        assertThatThrownBy(() -> new Conversation(
                        "c:1:1",
                        CampaignId.of("c"),
                        PHONE,
                        NOW,
                        NOW,
                        NOW,
                        Optional.empty(),
                        Optional.of(NOW),
                        Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(new Conversation(
                                "c:1:1",
                                CampaignId.of("c"),
                                PHONE,
                                NOW,
                                NOW,
                                NOW,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        .isOpen())
                .isTrue();
    }
}
