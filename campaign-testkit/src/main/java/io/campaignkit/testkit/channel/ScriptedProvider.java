package io.campaignkit.testkit.channel;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.webhook.WebhookRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The provider side of an adapter under the {@link ChannelAdapterContractKit}: a fake of the vendor's
 * API that the kit scripts. For an HTTP adapter it is typically a fake server on loopback
 * ({@code com.sun.net.httpserver.HttpServer} on {@code 127.0.0.1}) that records what the adapter sent
 * and answers as the vendor would.
 *
 * <p>Default behaviour: every send that was not scripted is accepted with a fresh, unique provider
 * message id. The provider remembers what the adapter sent for each message id, so its status webhooks
 * echo back whatever the vendor would echo (the correlation id the adapter passed).
 *
 * <p>Webhook requests returned here are exactly what the vendor would call the adapter's webhook
 * endpoint with: method, full URL, headers with a valid signature, raw body.
 */
public interface ScriptedProvider {

    /**
     * A sender the adapter can send from; inbound webhooks are addressed to it.
     *
     * @return the sender id as used in {@code OutboundMessage.senderId()}
     */
    String senderId();

    /**
     * The provider answers that mean {@code errorClass}, each armed by the kit before one send. Give
     * every answer your adapter maps to that class (or a representative sample); an empty list fails
     * the kit, because every adapter must be able to produce every class. For
     * {@link SendErrorClass#UNKNOWN_OUTCOME} the answer is typically a response that never comes
     * within the adapter's timeout (configure the adapter under test with a short one).
     *
     * @param errorClass the class
     * @return the answers, not null
     */
    List<ProviderAnswer> answersMeaning(SendErrorClass errorClass);

    /**
     * The error classes this provider's answers really produce; the kit checks
     * {@link #answersMeaning} only for these and reports the others as skipped (an SMS provider may
     * have no content error). Default: all. The adapter still refuses content beyond its capabilities
     * as {@link SendErrorClass#CONTENT_PERMANENT} itself, and a send with no answer is
     * {@link SendErrorClass#UNKNOWN_OUTCOME} for every provider.
     *
     * @return the classes
     */
    default Set<SendErrorClass> errorClassesProduced() {
        return EnumSet.allOf(SendErrorClass.class);
    }

    /**
     * The statuses this provider reports; the kit checks only these. Default: all.
     *
     * @return the statuses
     */
    default Set<DeliveryStatus> statusesReported() {
        return EnumSet.allOf(DeliveryStatus.class);
    }

    /**
     * A validly signed webhook reporting {@code status} for a message this provider accepted, echoing
     * what the vendor echoes (such as the correlation id the adapter sent). For
     * {@link DeliveryStatus#FAILED} include an error code the adapter classifies.
     *
     * @param providerMessageId an id from an earlier accepted send
     * @param status            the status to report
     * @return the request
     */
    WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status);

    /**
     * The same as {@link #signedStatusWebhook} with fields the adapter does not know added everywhere
     * the vendor might add them (envelope, event, nested objects).
     *
     * @param providerMessageId an id from an earlier accepted send
     * @param status            the status to report
     * @return the request
     */
    WebhookRequest signedStatusWebhookWithUnknownFields(String providerMessageId, DeliveryStatus status);

    /**
     * A validly signed webhook carrying an inbound text message from {@code from} to
     * {@link #senderId()}.
     *
     * @param providerMessageId the inbound message's id
     * @param from              the contact's number in E.164
     * @param text              the text
     * @return the request
     */
    WebhookRequest signedInboundTextWebhook(String providerMessageId, String from, String text);

    /**
     * A validly signed webhook carrying an inbound message of a type the adapter does not know.
     *
     * @param providerMessageId the inbound message's id
     * @param from              the contact's number in E.164
     * @return the request
     */
    WebhookRequest signedUnknownMessageTypeWebhook(String providerMessageId, String from);

    /**
     * A validly signed webhook whose body cannot be parsed (truncated JSON, broken form encoding).
     *
     * @return the request
     */
    WebhookRequest signedMalformedWebhook();

    /**
     * {@code signed} with its signature replaced by a well-formed but wrong one.
     *
     * @param signed a validly signed request from this provider
     * @return the request
     */
    WebhookRequest withBadSignature(WebhookRequest signed);

    /**
     * {@code signed} with its signature header removed.
     *
     * @param signed a validly signed request from this provider
     * @return the request
     */
    WebhookRequest withoutSignature(WebhookRequest signed);
}
