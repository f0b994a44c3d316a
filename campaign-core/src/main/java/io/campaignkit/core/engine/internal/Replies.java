package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.TrackingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's way back to the contact: free-form text or media on the campaign's channel and sender, in order
 * per conversation, only inside the channel's customer-service window; funnel steps; closing.
 */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    /** Prefix of the event keys that mark a provider message id as one of our replies. */
    static final String REPLY_MARK = "reply-message:";

    private final ConversationStore conversations;
    private final TrackingStore tracking;
    private final ChannelAdapters adapters;
    private final Pacing pacing;
    private final Clock clock;
    private final Listeners listeners;
    private final ConcurrentMap<String, CompletableFuture<?>> lastSendOf = new ConcurrentHashMap<>();
    private final AtomicLong replySequence = new AtomicLong();
    private final ConversationChannels channels;

    Replies(
            ConversationStore conversations,
            TrackingStore tracking,
            ChannelAdapters adapters,
            Pacing pacing,
            Clock clock,
            Listeners listeners,
            ConversationChannels channels) {
        this.conversations = conversations;
        this.tracking = tracking;
        this.adapters = adapters;
        this.pacing = pacing;
        this.clock = clock;
        this.listeners = listeners;
        this.channels = channels;
    }

    /** The reply handle of an open conversation of an active campaign, as its bot got it. */
    Optional<BotReply> replyTo(String conversationId, CampaignStore campaigns) {
        return conversations
                .findConversation(conversationId)
                .filter(Conversation::isOpen)
                .flatMap(conversation -> campaigns
                        .find(conversation.campaignId())
                        .filter(campaign -> campaign.state() == CampaignState.ACTIVE)
                        .map(campaign -> replyFor(campaign, conversation)));
    }

    BotReply replyFor(Campaign campaign, Conversation conversation) {
        return new BotReply() {
            @Override
            public void sendText(String text) {
                Arguments.requireNonBlank(text, "text");
                reply(campaign, conversation, TextContent.of(text));
            }

            @Override
            public void sendMedia(MediaContent media) {
                Arguments.requireNonNull(media, "media");
                // the channel the conversation runs on (that of the binding that reached the contact)
                ChannelAdapter adapter = adapters.adapter(
                        channels.senderOf(campaign, conversation.recipientKey()).channelType());
                if (!adapter.capabilities().supports(media)) {
                    throw new CampaignKitException(
                            CHANNEL_CANNOT_CARRY,
                            "channel " + adapter.id() + " sends no " + media.kind() + " media messages (it declares "
                                    + adapter.capabilities().mediaMessageKinds() + ")");
                }
                reply(campaign, conversation, media);
            }

            @Override
            public void sendTemplate(TemplateContent template) {
                Arguments.requireNonNull(template, "template");
                replyTemplate(campaign, conversation, template);
            }

            @Override
            public void reportStep(String step) {
                tracking.recordFunnelStep(new FunnelStep(campaign.id(), conversation.phone(), step, clock.instant()));
            }

            @Override
            public void close() {
                conversations.closeConversation(conversation.id(), Conversation.BY_BOT, clock.instant());
            }
        };
    }

    /** A free-form reply inside the conversation and its channel's customer-service window. */
    private void reply(Campaign campaign, Conversation conversation, MessageContent content) {
        Conversation current = stillOpen(conversation);
        Instant now = clock.instant();
        // the window of the channel the conversation runs on (that of the binding that reached the contact)
        ChannelAdapter adapter = adapters.adapter(
                channels.senderOf(campaign, current.recipientKey()).channelType());
        Optional<Duration> window = adapter.capabilities().customerServiceWindow();
        if (window.isPresent() && !now.isBefore(current.lastInboundAt().plus(window.get()))) {
            throw new ReplyWindowClosedException(
                    ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED,
                    "the customer-service window of " + window.get() + " closed at "
                            + current.lastInboundAt().plus(window.get()) + "; only a template may be sent now");
        }
        send(campaign, current, content);
        conversations.touchConversation(conversation.id(), now);
    }

    /** A template: outside the customer-service window too, while the conversation is open. */
    private void replyTemplate(Campaign campaign, Conversation conversation, TemplateContent template) {
        Conversation current = stillOpen(conversation);
        ChannelAdapter adapter = adapters.adapter(
                channels.senderOf(campaign, current.recipientKey()).channelType());
        if (!adapter.capabilities().templates()) {
            throw new CampaignKitException(
                    BotReply.CHANNEL_CANNOT_CARRY,
                    "channel " + adapter.id() + " sends no templates; template " + template.name() + " cannot go");
        }
        send(campaign, current, template);
        conversations.touchConversation(conversation.id(), clock.instant());
    }

    /** The conversation as stored now, refused when it closed. */
    private Conversation stillOpen(Conversation conversation) {
        Conversation current = conversations.findConversation(conversation.id()).orElse(conversation);
        if (!current.isOpen()) {
            throw new ReplyWindowClosedException(
                    ReplyWindowClosedException.CONVERSATION_CLOSED,
                    "conversation " + conversation.id() + " is closed ("
                            + current.closeReason().orElse("?") + ")");
        }
        return current;
    }

    /** The out-of-hours automatic reply: the contact has just written, so the window is open. */
    void sendAutomatic(Campaign campaign, Conversation conversation, String text) {
        send(campaign, conversation, TextContent.of(text));
    }

    private void send(Campaign campaign, Conversation conversation, MessageContent content) {
        io.campaignkit.core.campaign.SenderKey sender = channels.senderOf(campaign, conversation.recipientKey());
        ChannelAdapter adapter = adapters.adapter(sender.channelType());
        OutboundMessage message = new OutboundMessage(
                conversation.phone().e164(),
                sender.senderId(),
                "reply:" + conversation.id() + ":" + replySequence.incrementAndGet(),
                content);
        // replies of one conversation leave in order: each starts when the one before was answered
        CompletableFuture<?> sent = lastSendOf.compute(conversation.id(), (id, previous) -> {
            CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            return before.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> {
                        // the permit is taken when the reply leaves, not when the bot asked: a reply held
                        // behind an earlier one of its conversation leaves later
                        countAgainstTheSender(campaign, sender, conversation);
                        return adapter.send(message).toCompletableFuture();
                    })
                    .whenComplete((receipt, failure) -> recorded(conversation, receipt, failure));
        });
        // forget the chain once its last send is answered, unless a later reply extended it
        sent.whenComplete((ignored, failure) -> lastSendOf.remove(conversation.id(), sent));
    }

    /**
     * Replies take the sender's permits (in debt when none is free) and are sent whatever the answer:
     * a pacing store that fails must not silence the bot, so its failure is logged and reported instead.
     */
    private void countAgainstTheSender(
            Campaign campaign, io.campaignkit.core.campaign.SenderKey sender, Conversation conversation) {
        try {
            pacing.takeForReply(sender, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn(
                    "reply in conversation {} is sent without counting it against its sender's limit: {}",
                    conversation.id(),
                    e.toString());
            listeners.failure(Optional.of(campaign.id()), io.campaignkit.core.port.EngineFailure.BOT_REPLY, e);
        }
    }

    private void recorded(Conversation conversation, SendReceipt receipt, Throwable failure) {
        if (failure != null) {
            LOG.warn("reply in conversation {} failed: {}", conversation.id(), failure.toString());
            listeners.failure(
                    Optional.of(conversation.campaignId()), io.campaignkit.core.port.EngineFailure.BOT_REPLY, failure);
            return;
        }
        tracking.markEventHandled(REPLY_MARK + receipt.providerMessageId(), clock.instant());
    }
}
