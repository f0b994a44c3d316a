package io.campaignkit.desk;

import org.jspecify.annotations.Nullable;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
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

/**
 * Connects the desk to the campaign engine without changing it: it wraps the host's bot flows, so a
 * contact's message in a conversation the desk holds (WAITING or WITH_AGENT) goes to the desk and not to
 * the bot, and it is the desk's {@link DeskChannel}, sending agents' texts through the conversation's
 * {@link BotReply} (the engine's channel rules apply: outside the customer-service window the agent gets
 * {@code CUSTOMER_SERVICE_WINDOW_CLOSED}).
 *
 * <pre>{@code
 * EngineDeskBridge bridge = new EngineDeskBridge();
 * ConversationDesk desk = ConversationDesk.builder().storage(storage).channel(bridge).clock(clock).build();
 * bridge.attach(desk);
 * CampaignEngine engine = CampaignEngine.builder().botFlows(bridge.wrap(hostBotFlows))
 *         .contactAvailability(bridge) ... .build();   // a contact with the desk gets no campaign message
 * // in a bot flow: bridge.handOff(context, reply, "quiere hablar con un asesor", Map.of());
 * }</pre>
 *
 * <p>Not yet: media, voice notes and templates from agents (the engine's {@link BotReply} sends text only;
 * they are refused with {@code DESK_UNSUPPORTED_BY_CHANNEL}); the handle to a conversation's channel lives
 * in memory, so after a restart an agent can answer once the contact wrote again.
 */
public final class EngineDeskBridge implements DeskChannel, ContactAvailability {

    /** Code of an agent message the engine cannot send yet. */
    public static final String UNSUPPORTED = "DESK_UNSUPPORTED_BY_CHANNEL";

    private final Map<String, BotReply> replies = new ConcurrentHashMap<>();
    private volatile @Nullable ConversationDesk desk;

    /** Gives the bridge its desk (built with this bridge as its channel). */
    public void attach(ConversationDesk attached) {
        desk = Checks.nonNull(attached, "desk");
    }

    /** The bot hands its conversation to the desk; its {@code reply} becomes the agents' way to the contact. */
    public DeskConversation handOff(ConversationContext context, BotReply reply, String note, Map<String, String> fields) {
        Checks.nonNull(context, "context");
        Checks.nonNull(reply, "reply");
        replies.put(context.conversationId(), reply);
        try {
            return desk().handOff(new Handoff(context.conversationId(), context.campaignId(),
                    context.contact().phone(), note, fields));
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
                String text = message.text().orElseGet(() -> message.content().getClass().getSimpleName());
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

    @Override
    public void send(DeskConversation conversation, AgentMessage message) {
        BotReply reply = Optional.ofNullable(replies.get(conversation.id())).orElseThrow(() -> new CampaignKitException(
                UNSUPPORTED, "conversation " + conversation.id() + " has no channel handle in this process yet;"
                        + " the agent can answer once the contact writes again"));
        if (!(message instanceof AgentMessage.Text text)) {
            throw new CampaignKitException(UNSUPPORTED, "the engine sends agents' text only, not " + message.kind());
        }
        reply.sendText(text.text());
    }

    @Override
    public void closed(DeskConversation conversation) {
        BotReply reply = replies.remove(conversation.id());
        if (reply != null) {
            reply.close(); // the contact's next message starts a new conversation with the bot
        }
    }

    private ConversationDesk desk() {
        if (desk == null) {
            throw new IllegalStateException("attach(desk) was not called");
        }
        return desk;
    }
}
