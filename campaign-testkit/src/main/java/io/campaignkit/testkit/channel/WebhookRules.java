package io.campaignkit.testkit.channel;

import static io.campaignkit.testkit.channel.ChannelContractSupport.assertRefused;
import static io.campaignkit.testkit.channel.ChannelContractSupport.assertSameEvents;
import static io.campaignkit.testkit.channel.ChannelContractSupport.handle;
import static io.campaignkit.testkit.channel.ChannelContractSupport.keys;
import static io.campaignkit.testkit.channel.ChannelContractSupport.ofType;
import static io.campaignkit.testkit.channel.ChannelContractSupport.singleStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ChannelAdapterContractKit} about webhooks: correlation ids echoed on statuses, failures
 * classified, inbound messages parsed, signatures checked, duplicates harmless, unknown fields and types
 * tolerated, malformed bodies refused. The kit runs them as its {@code Webhooks} group; extend the kit, not this
 * class.
 */
public abstract class WebhookRules {

    /** The kit whose adapter and provider the rules check. */
    protected final ChannelAdapterContractKit kit;

    /**
     * A group of the kit's rules.
     *
     * @param kit the kit it belongs to
     */
    protected WebhookRules(ChannelAdapterContractKit kit) {
        this.kit = kit;
    }

    /** The correlation id passed with a send comes back on its status events. */
    @Test
    @DisplayName("the correlation id round-trips through status events")
    public void correlationIdRoundTripsThroughStatusEvents() {
        String correlationId = "ck-roundtrip:r-42";
        SendReceipt receipt = kit.sendExpectingReceipt(kit.message(correlationId));

        for (DeliveryStatus status : kit.provider().statusesReported()) {
            if (status == DeliveryStatus.FAILED) {
                continue; // vendors may not echo on failures (WhatsApp does not); checked separately
            }
            StatusUpdate update = singleStatus(
                    handle(kit.adapter(), kit.provider().signedStatusWebhook(receipt.providerMessageId(), status)),
                    receipt.providerMessageId(),
                    status);
            assertThat(update.correlationId())
                    .as("correlation id on the %s status", status)
                    .contains(correlationId);
        }
    }

    /** A FAILED status carries a classified failure with the provider's code. */
    @Test
    @DisplayName("a failed status carries a classified failure")
    public void failedStatusCarriesAClassifiedFailure() {
        if (!kit.provider().statusesReported().contains(DeliveryStatus.FAILED)) {
            return;
        }
        SendReceipt receipt = kit.sendExpectingReceipt(kit.message("ck-failed-status"));

        StatusUpdate update = singleStatus(
                handle(
                        kit.adapter(),
                        kit.provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.FAILED)),
                receipt.providerMessageId(),
                DeliveryStatus.FAILED);

        assertThat(update.failure()).as("failure of a FAILED status").isPresent();
        assertThat(update.failure().get().providerMessage()).isNotBlank();
    }

    /** An inbound text becomes an InboundMessage from the contact to the sender. */
    @Test
    @DisplayName("an inbound text becomes an inbound message")
    public void inboundTextBecomesAnInboundMessage() {
        WebhookResult result =
                handle(kit.adapter(), kit.provider().signedInboundTextWebhook("ck-inbound-1", kit.recipient(), "hola"));

        assertThat(result.accepted())
                .as("status of an inbound webhook: %s", result)
                .isTrue();
        List<InboundMessage> inbound = ofType(result.events(), InboundMessage.class);
        assertThat(inbound).as("inbound messages in %s", result.events()).hasSize(1);
        InboundMessage message = inbound.get(0);
        assertThat(message.providerMessageId()).isEqualTo("ck-inbound-1");
        assertThat(message.from()).as("from, in E.164 without channel prefix").isEqualTo(kit.recipient());
        assertThat(message.to())
                .as("to, the sender id")
                .isEqualTo(kit.provider().senderId());
        assertThat(message.text()).contains("hola");
    }

    /** A wrong, a missing, or a signature over another body is refused with 401/403 and no events. */
    @Test
    @DisplayName("a bad signature is refused and yields no event")
    public void badSignatureIsRefusedAndYieldsNoEvent() {
        SendReceipt receipt = kit.sendExpectingReceipt(kit.message("ck-bad-signature"));
        List<WebhookRequest> valid = List.of(
                kit.provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.DELIVERED),
                kit.provider().signedInboundTextWebhook("ck-inbound-forged", kit.recipient(), "forged"));

        for (WebhookRequest request : valid) {
            assertRefused(handle(kit.adapter(), kit.provider().withBadSignature(request)), "a wrong signature");
            assertRefused(handle(kit.adapter(), kit.provider().withoutSignature(request)), "a missing signature");
            byte[] body = request.body();
            byte[] tampered = java.util.Arrays.copyOf(body, body.length + 1);
            tampered[body.length] = ' ';
            assertRefused(handle(kit.adapter(), request.withBody(tampered)), "a body changed after signing");
        }
    }

    /** The same webhook delivered twice is accepted twice with equal events. */
    @Test
    @DisplayName("duplicate webhook deliveries are harmless")
    public void duplicateWebhookDeliveriesAreHarmless() {
        SendReceipt receipt = kit.sendExpectingReceipt(kit.message("ck-duplicate"));
        List<WebhookRequest> requests = List.of(
                kit.provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.DELIVERED),
                kit.provider().signedInboundTextWebhook("ck-inbound-dup", kit.recipient(), "twice"));

        for (WebhookRequest request : requests) {
            WebhookResult first = handle(kit.adapter(), request);
            WebhookResult second = handle(kit.adapter(), request);
            assertThat(first.accepted()).as("first delivery: %s", first).isTrue();
            assertThat(second.status()).as("status of the second delivery").isEqualTo(first.status());
            assertSameEvents(second.events(), first.events(), "the second delivery of the same request");
            assertThat(keys(second.events())).as("deduplication keys").isEqualTo(keys(first.events()));
        }
    }

    /** Fields the adapter does not know are ignored. */
    @Test
    @DisplayName("unknown fields are tolerated")
    public void unknownFieldsAreTolerated() {
        SendReceipt receipt = kit.sendExpectingReceipt(kit.message("ck-unknown-fields"));

        WebhookResult result = handle(
                kit.adapter(),
                kit.provider()
                        .signedStatusWebhookWithUnknownFields(receipt.providerMessageId(), DeliveryStatus.DELIVERED));

        StatusUpdate update = singleStatus(result, receipt.providerMessageId(), DeliveryStatus.DELIVERED);
        assertThat(update.correlationId()).contains("ck-unknown-fields");
    }

    /** An unknown message type is an UnsupportedMessage or an inbound message of Unsupported content, never an exception. */
    @Test
    @DisplayName("unknown message types become unsupported content or unsupported-message events")
    public void unknownMessageTypesBecomeUnsupportedMessageEvents() {
        WebhookResult result = handle(
                kit.adapter(), kit.provider().signedUnknownMessageTypeWebhook("ck-unknown-type-1", kit.recipient()));

        assertThat(result.accepted())
                .as("status for an unknown message type: %s", result)
                .isTrue();
        assertThat(result.events())
                .as("unsupported messages")
                .filteredOn(event -> event instanceof UnsupportedMessage
                        || event instanceof InboundMessage inbound
                                && inbound.content() instanceof InboundContent.Unsupported)
                .hasSize(1);
    }

    /** A validly signed body that cannot be parsed answers 400 with no events. */
    @Test
    @DisplayName("a malformed body answers 400")
    public void malformedBodyAnswers400() {
        WebhookResult result = handle(kit.adapter(), kit.provider().signedMalformedWebhook());

        assertThat(result.status()).as("status for a malformed body").isEqualTo(400);
        assertThat(result.events()).isEmpty();
    }
}
