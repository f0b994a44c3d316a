package io.campaignkit.desk;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.desk.internal.Checks;
import io.campaignkit.desk.port.DeskChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Connects the desk to the campaign engine without changing it: it wraps the host's bot flows, so a
 * contact's message in a conversation the desk holds (WAITING or WITH_AGENT) goes to the desk and not to
 * the bot, and it is the desk's {@link DeskChannel}, sending agents' texts through the conversation's
 * {@link BotReply} (the engine's channel rules apply: outside the customer-service window the agent gets
 * {@code CUSTOMER_SERVICE_WINDOW_CLOSED}); media and voice notes go as the channel's media messages, templates
 * as the channel's templates.
 *
 * <pre>{@code
 * EngineDeskBridge bridge = new EngineDeskBridge();
 * ConversationDesk desk = ConversationDesk.builder().storage(storage).channel(bridge).clock(clock).build();
 * bridge.attach(desk);
 * CampaignEngine engine = CampaignEngine.builder().botFlows(bridge.wrap(hostBotFlows))
 *         .contactAvailability(bridge) ... .build();   // a contact with the desk gets no campaign message
 * bridge.connect(engine);   // agents answer after a restart too
 * // in a bot flow: bridge.handOff(context, reply, "quiere hablar con un asesor", Map.of());
 * }</pre>
 *
 * <p>The handles to conversations' channels are kept in memory as bots pass them; a conversation this
 * process has none for (it was handed off before a restart, or in another process) gets its handle from
 * the {@linkplain #connect connected} engine, which rebuilds it from the stored conversation. An agent's
 * template goes through {@link BotReply#sendTemplate}, outside the customer-service window too: the way to
 * reopen a WhatsApp conversation whose 24 hours passed.
 */
public final class EngineDeskBridge implements DeskChannel, ContactAvailability {

    /** Code of an agent message that has no way to the contact: no channel handle and no connected engine. */
    public static final String UNSUPPORTED = "DESK_UNSUPPORTED_BY_CHANNEL";

    private final Map<String, BotReply> replies = new ConcurrentHashMap<>();
    private volatile @Nullable ConversationDesk desk;
    private volatile @Nullable Function<String, Optional<BotReply>> engineReplies;

    /** Gives the bridge its desk (built with this bridge as its channel). */
    public void attach(ConversationDesk attached) {
        desk = Checks.nonNull(attached, "desk");
    }

    /**
     * Gives the bridge the engine whose bot flows it wraps, so that it answers conversations it holds no
     * handle for in this process (after a restart, say) through {@link CampaignEngine#replyTo}.
     */
    public void connect(CampaignEngine engine) {
        Checks.nonNull(engine, "engine");
        engineReplies = engine::replyTo;
    }

    /** The bot hands its conversation to the desk; its {@code reply} becomes the agents' way to the contact. */
    public DeskConversation handOff(
            ConversationContext context, BotReply reply, String note, Map<String, String> fields) {
        Checks.nonNull(context, "context");
        Checks.nonNull(reply, "reply");
        replies.put(context.conversationId(), reply);
        try {
            return desk().handOff(new Handoff(
                    context.conversationId(),
                    context.campaignId(),
                    context.contact().phone(),
                    note,
                    fields));
        } catch (RuntimeException refused) {
            replies.remove(context.conversationId());
            throw refused;
        }
    }

    /** {@code registry} with every flow {@linkplain #wrap(BotFlow) wrapped}. */
    public BotFlowRegistry wrap(BotFlowRegistry registry) {
        Checks.nonNull(registry, "registry");
        return botFlowId -> registry.find(botFlowId).map(this::wrap);
    }

    /** {@code bot}, except that messages of conversations the desk holds go to the desk. */
    public BotFlow wrap(BotFlow bot) {
        Checks.nonNull(bot, "bot");
        return new BotFlow() {
            @Override
            public void onInboundMessage(ConversationContext context, ReceivedMessage message, BotReply reply) {
                String text = message.text()
                        .orElseGet(() -> message.content().getClass().getSimpleName());
                if (desk().onInbound(context.conversationId(), message.messageId(), text, message.receivedAt())) {
                    replies.put(context.conversationId(), reply); // the freshest handle, after a restart too
                    return;
                }
                bot.onInboundMessage(context, message, reply);
            }

            @Override
            public void onConversationClosed(ConversationContext context, String reason) {
                desk().conversationEnded(context.conversationId(), reason);
                replies.remove(context.conversationId());
                bot.onConversationClosed(context, reason);
            }
        };
    }

    /** Whether the contact waits for or is with an agent (for the engine's contact-availability check). */
    public boolean isWithDesk(PhoneNumber phone) {
        return desk().isWithDesk(phone);
    }

    /**
     * The engine's contact availability: a contact whose desk conversation is open (WAITING or WITH_AGENT)
     * is busy, whatever the campaign or sender, so a new campaign does not message someone talking to an
     * agent. A desk serves one tenant, so this answers for its desk's tenant whatever {@code tenantId} says;
     * a host with several tenants routes by tenant: {@code (tenant, sender, phones) -> bridgeOf(tenant)
     * .busyAmong(tenant, sender, phones)}. One desk look-up per phone.
     */
    @Override
    public Set<PhoneNumber> busyAmong(String tenantId, SenderKey sender, List<PhoneNumber> phones) {
        Checks.nonNull(phones, "phones");
        ConversationDesk attached = desk();
        Set<PhoneNumber> busy = new HashSet<>();
        for (PhoneNumber phone : phones) {
            if (attached.isWithDesk(phone)) {
                busy.add(phone);
            }
        }
        return busy;
    }

    /**
     * Sends an agent's text, media, voice note or template through the conversation's {@link BotReply}: media
     * as the channel's media message, refused with {@code CHANNEL_CANNOT_CARRY} on a channel that does not
     * declare its kind; a template as the channel's template (its body parameters in order), outside the
     * customer-service window too, refused with {@code CHANNEL_CANNOT_CARRY} on a channel without templates.
     */
    @Override
    public void send(DeskConversation conversation, AgentMessage message) {
        if (message instanceof AgentMessage.Text text) {
            handleOf(conversation).sendText(text.text());
        } else if (message instanceof AgentMessage.Media media) {
            handleOf(conversation).sendMedia(media.content());
        } else if (message instanceof AgentMessage.VoiceNote voice) {
            handleOf(conversation).sendMedia(voice.content());
        } else if (message instanceof AgentMessage.Template template) {
            handleOf(conversation).sendTemplate(template.content());
        } else {
            throw new CampaignKitException(UNSUPPORTED, "the engine has no way to send " + message.kind());
        }
    }

    @Override
    public void closed(DeskConversation conversation) {
        Function<String, Optional<BotReply>> engine = engineReplies;
        Optional<BotReply> reply = Optional.ofNullable(replies.remove(conversation.id()))
                .or(() -> engine == null ? Optional.empty() : engine.apply(conversation.id()));
        // the contact's next message starts a new conversation with the bot
        reply.ifPresent(BotReply::close);
    }

    /** The conversation's handle: the one its bot passed in this process, else the engine's. */
    private BotReply handleOf(DeskConversation conversation) {
        BotReply kept = replies.get(conversation.id());
        if (kept != null) {
            return kept;
        }
        Function<String, Optional<BotReply>> engine = engineReplies;
        if (engine == null) {
            throw new CampaignKitException(
                    UNSUPPORTED,
                    "conversation " + conversation.id() + " has no channel handle in"
                            + " this process yet, and no engine is connected (EngineDeskBridge.connect) to give one; the agent"
                            + " can answer once the contact writes again");
        }
        BotReply rebuilt = engine.apply(conversation.id())
                .orElseThrow(() -> new ReplyWindowClosedException(
                        ReplyWindowClosedException.CONVERSATION_CLOSED,
                        "conversation " + conversation.id()
                                + " is closed in the engine, or its campaign is no longer active"));
        replies.putIfAbsent(conversation.id(), rebuilt);
        return rebuilt;
    }

    private ConversationDesk desk() {
        if (desk == null) {
            throw new IllegalStateException("attach(desk) was not called");
        }
        return desk;
    }
}
