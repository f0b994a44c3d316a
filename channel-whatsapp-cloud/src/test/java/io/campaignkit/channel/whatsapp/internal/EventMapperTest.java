package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The mapper's defaults and its reasons for what it cannot pass on, on parsed payloads: a preference
 * without a number or a category, a blank callback data, and the words of each "cannot apply" event
 * (the engine logs them, so they must say what was missing).
 */
class EventMapperTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-12-06T09:59:00Z");
    private final EventMapper mapper = new EventMapper("PNID", Clock.fixed(NOW, ZoneOffset.UTC));

    private List<ChannelEvent> map(
            List<WebhookPayload.Status> statuses,
            List<WebhookPayload.Message> messages,
            List<WebhookPayload.Preference> preferences) {
        return mapper.toEvents(new WebhookPayload(statuses, messages, preferences));
    }

    private static WebhookPayload.Preference preference(String phoneNumberId, String category, String value) {
        return new WebhookPayload.Preference(phoneNumberId, "15551234567", null, category, value, AT, null);
    }

    @Test
    void aPreferenceWithoutItsNumberIsForTheAdaptersNumber() {
        List<ChannelEvent> events = map(List.of(), List.of(), List.of(preference(null, "marketing_messages", "stop")));

        assertThat(events)
                .containsExactly(new OptOut(
                        "+15551234567", "PNID", AT, Optional.of("marketing_messages:stop"), Optional.empty()));
    }

    @Test
    void aPreferenceWithoutACategoryIsAboutMarketingMessages() {
        List<ChannelEvent> events = map(List.of(), List.of(), List.of(preference("PNID", null, " Resume ")));

        assertThat(events)
                .containsExactly(new OptIn(
                        "+15551234567", "PNID", AT, Optional.of("marketing_messages:resume"), Optional.empty()));
    }

    @Test
    void aPreferenceOfAnotherCategoryIsReportedNotApplied() {
        List<ChannelEvent> events = map(List.of(), List.of(), List.of(preference("PNID", "utility_messages", "stop")));

        assertThat(events).singleElement().isInstanceOfSatisfying(UnsupportedMessage.class, unsupported -> {
            assertThat(unsupported.providerType()).isEqualTo("user_preferences");
            assertThat(unsupported.description()).contains("category utility_messages", "value stop");
        });
    }

    @Test
    void aStatusSaysWhichOfItsIdAndValueIsMissing() {
        List<ChannelEvent> events = map(
                List.of(
                        new WebhookPayload.Status("PNID", null, "delivered", AT, "5215512345678", null, List.of()),
                        new WebhookPayload.Status("PNID", "wamid.B", null, AT, "5215512345678", null, List.of())),
                List.of(),
                List.of());

        assertThat(events)
                .extracting(event -> ((UnsupportedMessage) event).description())
                .containsExactly(
                        "a WhatsApp status without a message id: it cannot be applied",
                        "a WhatsApp status without a status value: it cannot be applied");
    }

    @Test
    void aBlankCallbackDataIsNoCorrelationId() {
        List<ChannelEvent> events = map(
                List.of(
                        new WebhookPayload.Status("PNID", "wamid.A", "read", AT, "5215512345678", " ", List.of()),
                        new WebhookPayload.Status("PNID", "wamid.B", "read", AT, "5215512345678", "c1:r2", List.of())),
                List.of(),
                List.of());

        assertThat(events)
                .extracting(event -> ((StatusUpdate) event).correlationId())
                .containsExactly(Optional.empty(), Optional.of("c1:r2"));
    }

    @Test
    void aMessageThatCannotBePassedOnSaysWhatIsMissingAndKeepsItsType() {
        InboundContent text = new InboundContent.Text("hola");
        List<ChannelEvent> events = map(
                List.of(),
                List.of(
                        new WebhookPayload.Message("PNID", null, "5215512345678", null, null, AT, "text", null, text),
                        new WebhookPayload.Message("PNID", "wamid.C", "not a phone", null, null, AT, " ", null, text),
                        new WebhookPayload.Message("PNID", "wamid.D", "not a phone", null, null, AT, null, null, text)),
                List.of());

        assertThat(events).allSatisfy(event -> assertThat(event).isInstanceOf(UnsupportedMessage.class));
        List<UnsupportedMessage> unsupported =
                events.stream().map(UnsupportedMessage.class::cast).toList();
        assertThat(unsupported)
                .extracting(UnsupportedMessage::providerType)
                .containsExactly("text", "unknown", "unknown");
        assertThat(unsupported.get(0).description())
                .isEqualTo("a WhatsApp message without an id: not passed to the engine as a message");
        assertThat(unsupported.get(1).description())
                .startsWith("a WhatsApp message whose sender is no phone id nor business-scoped user id")
                .contains("'not a phone'");
    }

    @Test
    void aMessageWithoutItsNumberIsForTheAdaptersNumber() {
        List<ChannelEvent> events = map(
                List.of(),
                List.of(new WebhookPayload.Message(
                        null, "wamid.E", "15551234567", null, null, AT, "text", null, new InboundContent.Text("hi"))),
                List.of());

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundMessage.class,
                        message -> assertThat(message.to()).isEqualTo("PNID"));
    }
}
