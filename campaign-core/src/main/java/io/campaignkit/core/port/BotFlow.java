package io.campaignkit.core.port;

/**
 * The chatbot flow that owns a campaign's conversations, implemented by the host. The engine
 * calls it once per inbound message, in the order the contact's messages arrived, never for two
 * messages of one contact at once, outside the engine's lock on its
 * {@linkplain io.campaignkit.core.engine.CampaignEngineBuilder#callbackExecutor callback executor}
 * (so a bot may take its time, and may call the engine). It answers through the {@link BotReply},
 * during the call or later.
 *
 * <pre>{@code
 * BotFlow cobranza = (context, message, reply) -> {
 *     String monto = context.customData().normalized("MONTO").orElse("?");
 *     reply.sendText("Tu saldo es " + monto + ". ¿Deseas pagar hoy?");
 * };
 * }</pre>
 *
 * <p>Every kind of message reaches the bot; {@link ReceivedMessage#content()} says which (a tapped
 * button's payload, a location, a photo, ...), and {@link ReceivedMessage#text()} is its text, if any.
 *
 * <p>An exception thrown here is reported to the {@link CampaignListener#onEngineFailure}; the
 * conversation stays open.
 */
@FunctionalInterface
public interface BotFlow {

    /** Handles one message the contact sent. */
    void onInboundMessage(ConversationContext context, ReceivedMessage message, BotReply reply);

    /**
     * The conversation was closed by the engine (inactivity, campaign finished, out of hours with
     * the CLOSE policy); nothing can be sent any more. Does nothing by default.
     */
    default void onConversationClosed(ConversationContext context, String reason) {}
}
