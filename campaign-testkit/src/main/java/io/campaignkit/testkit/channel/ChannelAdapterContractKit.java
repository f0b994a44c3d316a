package io.campaignkit.testkit.channel;

import static io.campaignkit.testkit.channel.ChannelContractSupport.assertRefused;
import static io.campaignkit.testkit.channel.ChannelContractSupport.assertSameEvents;
import static io.campaignkit.testkit.channel.ChannelContractSupport.handle;
import static io.campaignkit.testkit.channel.ChannelContractSupport.keys;
import static io.campaignkit.testkit.channel.ChannelContractSupport.ofType;
import static io.campaignkit.testkit.channel.ChannelContractSupport.singleStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
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
 * The contract every {@link ChannelAdapter} passes. Extend it in your adapter's tests, supply the
 * adapter under test and a {@link ScriptedProvider} that fakes your vendor (extend {@link LoopbackProvider}:
 * you write the signing and the bodies only), and run it with JUnit 5 (the {@code examples/sms-adapter} module):
 *
 * <pre>{@code
 * class ParrotSmsContractTest extends ChannelAdapterContractKit {
 *     private static final String WEBHOOK_SECRET = "parrot-webhook-secret";   // the adapter verifies, the fake signs
 *
 *     private final FakeParrotSms provider = new FakeParrotSms(Secret.of(WEBHOOK_SECRET));   // extends LoopbackProvider
 *     private final ChannelAdapter adapter = ChannelRegistry.withDiscoveredProviders().resolve("parrot-sms",
 *             ChannelSettings.of(Map.of("base-url", provider.baseUrl().toString(), "api-key", "parrot-key",
 *                     "webhook-secret", WEBHOOK_SECRET, "request-timeout", "PT2S")));
 *
 *     @Override protected ChannelAdapter adapter() { return adapter; }
 *     @Override protected ScriptedProvider provider() { return provider; }
 *     @AfterEach void stopProvider() { provider.close(); }
 * }
 * }</pre>
 *
 * <p>JUnit makes a new instance of the test class for each check, so field initializers give every
 * check a fresh adapter and provider. The kit closes the adapter after each check (so
 * {@link ChannelAdapter#close()} must be idempotent). Override the {@code protected} non-abstract
 * methods to adapt the kit (sample content, recipient, timeouts). Every check is a public test method
 * of this class, so a report names the rule that broke: the webhook rules are declared here, the rules
 * about the adapter and its sends in {@link ChannelSendRules}, the hooks and helpers in {@link ChannelKitSetup}.
 */
public abstract class ChannelAdapterContractKit extends ChannelSendRules {

    /** The correlation id passed with a send comes back on its status events. */
    @Test
    @DisplayName("the correlation id round-trips through status events")
    public void correlationIdRoundTripsThroughStatusEvents() {
        String correlationId = "ck-roundtrip:r-42";
        SendReceipt receipt = sendExpectingReceipt(message(correlationId));

        for (DeliveryStatus status : provider().statusesReported()) {
            if (status == DeliveryStatus.FAILED) {
                continue; // vendors may not echo on failures (WhatsApp does not); checked separately
            }
            StatusUpdate update = singleStatus(
                    handle(adapter(), provider().signedStatusWebhook(receipt.providerMessageId(), status)),
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
        if (!provider().statusesReported().contains(DeliveryStatus.FAILED)) {
            return;
        }
        SendReceipt receipt = sendExpectingReceipt(message("ck-failed-status"));

        StatusUpdate update = singleStatus(
                handle(adapter(), provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.FAILED)),
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
                handle(adapter(), provider().signedInboundTextWebhook("ck-inbound-1", recipient(), "hola"));

        assertThat(result.accepted())
                .as("status of an inbound webhook: %s", result)
                .isTrue();
        List<InboundMessage> inbound = ofType(result.events(), InboundMessage.class);
        assertThat(inbound).as("inbound messages in %s", result.events()).hasSize(1);
        InboundMessage message = inbound.get(0);
        assertThat(message.providerMessageId()).isEqualTo("ck-inbound-1");
        assertThat(message.from()).as("from, in E.164 without channel prefix").isEqualTo(recipient());
        assertThat(message.to()).as("to, the sender id").isEqualTo(provider().senderId());
        assertThat(message.text()).contains("hola");
    }

    /** A wrong, a missing, or a signature over another body is refused with 401/403 and no events. */
    @Test
    @DisplayName("a bad signature is refused and yields no event")
    public void badSignatureIsRefusedAndYieldsNoEvent() {
        SendReceipt receipt = sendExpectingReceipt(message("ck-bad-signature"));
        List<WebhookRequest> valid = List.of(
                provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.DELIVERED),
                provider().signedInboundTextWebhook("ck-inbound-forged", recipient(), "forged"));

        for (WebhookRequest request : valid) {
            assertRefused(handle(adapter(), provider().withBadSignature(request)), "a wrong signature");
            assertRefused(handle(adapter(), provider().withoutSignature(request)), "a missing signature");
            byte[] body = request.body();
            byte[] tampered = java.util.Arrays.copyOf(body, body.length + 1);
            tampered[body.length] = ' ';
            assertRefused(handle(adapter(), request.withBody(tampered)), "a body changed after signing");
        }
    }

    /** The same webhook delivered twice is accepted twice with equal events. */
    @Test
    @DisplayName("duplicate webhook deliveries are harmless")
    public void duplicateWebhookDeliveriesAreHarmless() {
        SendReceipt receipt = sendExpectingReceipt(message("ck-duplicate"));
        List<WebhookRequest> requests = List.of(
                provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.DELIVERED),
                provider().signedInboundTextWebhook("ck-inbound-dup", recipient(), "twice"));

        for (WebhookRequest request : requests) {
            WebhookResult first = handle(adapter(), request);
            WebhookResult second = handle(adapter(), request);
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
        SendReceipt receipt = sendExpectingReceipt(message("ck-unknown-fields"));

        WebhookResult result = handle(
                adapter(),
                provider().signedStatusWebhookWithUnknownFields(receipt.providerMessageId(), DeliveryStatus.DELIVERED));

        StatusUpdate update = singleStatus(result, receipt.providerMessageId(), DeliveryStatus.DELIVERED);
        assertThat(update.correlationId()).contains("ck-unknown-fields");
    }

    /** An unknown message type is an UnsupportedMessage or an inbound message of Unsupported content, never an exception. */
    @Test
    @DisplayName("unknown message types become unsupported content or unsupported-message events")
    public void unknownMessageTypesBecomeUnsupportedMessageEvents() {
        WebhookResult result =
                handle(adapter(), provider().signedUnknownMessageTypeWebhook("ck-unknown-type-1", recipient()));

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
        WebhookResult result = handle(adapter(), provider().signedMalformedWebhook());

        assertThat(result.status()).as("status for a malformed body").isEqualTo(400);
        assertThat(result.events()).isEmpty();
    }
}
