package io.campaignkit.channel;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.util.concurrent.CompletionStage;

/**
 * One messaging channel account, as the engine sees it: it sends messages and turns the provider's
 * webhook calls into events.
 *
 * <p>Rules every implementation follows (the contract kit in {@code campaign-testkit} checks them):
 * <ul>
 *   <li>{@link #send} is safe to call from many threads at once and never throws: every failure,
 *       including an invalid message, completes the returned stage exceptionally with a
 *       {@link ChannelSendException}.</li>
 *   <li>{@link #handleWebhook} verifies the provider's signature over the raw body before parsing
 *       anything; a bad or missing signature answers 401 or 403 with no events; a body that cannot be
 *       parsed answers 400 with no events; unknown fields are ignored and unknown message types become
 *       {@link io.campaignkit.channel.event.UnsupportedMessage} events. It never throws.</li>
 *   <li>Handling the same webhook request twice is harmless: it yields equal events, which the engine
 *       deduplicates with {@link io.campaignkit.channel.event.ChannelEvent#deduplicationKey()}.</li>
 *   <li>The {@link OutboundMessage#correlationId() correlation id} is passed to the provider wherever
 *       the provider echoes something back, so that status events carry it.</li>
 *   <li>{@link #close} is idempotent.</li>
 * </ul>
 */
public interface ChannelAdapter extends AutoCloseable {

    /**
     * The rule every channel id follows, stated once: lower-case letters and digits, then also
     * {@code .} and {@code -} ({@code whatsapp-cloud}, {@code acme.sms}). The registry refuses another
     * id and the contract kit checks it with {@link #isValidId}: the id is a path segment of webhook
     * routes and a key in every store, so it never needs escaping.
     */
    String ID_PATTERN = "[a-z0-9][a-z0-9.-]*";

    /**
     * Whether {@code id} follows {@link #ID_PATTERN}.
     *
     * @param id a channel id, may be null
     * @return true when it is a valid channel id
     */
    static boolean isValidId(String id) {
        return id != null && id.matches(ID_PATTERN);
    }

    /**
     * The channel type id, such as {@code "whatsapp-cloud"} or {@code "twilio"}; equal to the
     * {@link ChannelAdapterProvider#id() id} of the provider that creates this adapter.
     *
     * @return a stable id following {@link #ID_PATTERN}
     */
    String id();

    /**
     * What this channel can send and how fast; the engine paces and validates campaigns with it.
     *
     * @return the capabilities, never null; constant for the adapter's lifetime
     */
    ChannelCapabilities capabilities();

    /**
     * Sends one message asynchronously.
     *
     * <p>The stage completes with a {@link SendReceipt} once the provider accepted the message
     * (acceptance is not delivery: delivery comes later as a status event). It completes
     * exceptionally with a {@link ChannelSendException} whose {@link SendFailure} classifies the
     * failure; when the request may have reached the provider but no answer came, the class is
     * {@link SendErrorClass#UNKNOWN_OUTCOME}.
     *
     * @param message the message to send, not null
     * @return a stage completing with the receipt or failing with a {@link ChannelSendException}
     */
    CompletionStage<SendReceipt> send(OutboundMessage message);

    /**
     * Turns one webhook call of the provider into the HTTP answer to give and the verified events.
     *
     * <p>The host's HTTP layer passes the request as received (full URL as the provider called it,
     * all headers, raw body bytes) and writes back {@link WebhookResult#status()},
     * {@link WebhookResult#contentType()} and {@link WebhookResult#body()}. Verification handshakes
     * (such as a subscription challenge on GET) are answered here too, with no events.
     *
     * @param request the request as received, not null
     * @return the answer and the events; never null, never throws
     */
    WebhookResult handleWebhook(WebhookRequest request);

    /**
     * What the provider would refuse of {@code plan} at the first send, found without sending: the
     * sender id's form, the template's name and language, how many values it has, whether the channel
     * takes that kind of message as a first message. The engine asks before a launch engages anyone
     * and refuses the launch with every problem listed (its dry run lists them too); checks that the
     * capabilities already express (templates, media kinds) are the engine's.
     *
     * <p>Cheap and local: no network call (the engine makes the online {@linkplain #checkCredentials
     * credentials check} itself, before its lock). An adapter with nothing to check keeps this default,
     * which finds nothing. Never throws.
     *
     * @param plan the sender and the message, with placeholders for the contacts' values; not null
     * @return every problem found, in a stable order; empty when none
     */
    default java.util.List<PreflightProblem> preflight(MessagePlan plan) {
        return java.util.List.of();
    }

    /**
     * Asks the provider, with one cheap read-only call, whether it accepts this adapter's credentials
     * and knows {@code senderId} (WhatsApp: the phone-number id and its token; Twilio: the account and
     * the sender). The engine calls it at every launch by default, before it takes its lock and before
     * anyone is engaged: a {@link CredentialsCheck.Refused} refuses the launch with its problems, a
     * {@link CredentialsCheck.NotChecked} (a timeout, a refused connection, the provider's 5xx) refuses it
     * as retryable; a host can turn that off ({@code checkCredentialsAtLaunch(false)}) and call it itself.
     * A refusal names the setting to fix (subject {@link PreflightProblem#CREDENTIALS} or
     * {@link PreflightProblem#SENDER}). No secret appears in what it answers or logs.
     *
     * <p>The default answers {@link CredentialsCheck.Unsupported}: this adapter has no online check, and
     * the engine launches, logging that the channel has no preflight. Never throws; the stage never fails.
     *
     * @param senderId the sender to check, as a campaign's configuration names it; not null
     * @return a stage completing with the provider's answer, within the adapter's request timeout
     */
    default java.util.concurrent.CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
        return java.util.concurrent.CompletableFuture.completedFuture(
                new CredentialsCheck.Unsupported("channel '" + id() + "' has no online credentials check"));
    }

    /**
     * Releases the adapter's resources (HTTP clients, threads). Idempotent and never throws. The engine
     * does not send after closing; an adapter may fail such sends with {@link SendErrorClass#TRANSIENT}.
     */
    @Override
    default void close() {}
}
