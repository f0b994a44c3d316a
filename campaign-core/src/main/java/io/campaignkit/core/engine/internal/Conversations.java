package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.ConversationSweep;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies: routes a contact's inbound message to the conversation of the campaign the contact is
 * engaged in on that sender (or, under the NONE exclusivity scope, that most recently messaged it:
 * {@link Exclusivity#replyCampaign}), hands it to the campaign's bot (now, or at the next opening under the
 * QUEUE policy), sends the out-of-hours automatic reply, and closes idle conversations.
 */
final class Conversations {

    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    private final RecipientStore recipients;
    private final Exclusivity exclusivity;
    private final ConversationStore conversations;
    private final InboundQueue inbound;
    private final BotFlowRegistry botFlows;
    private final HostCalls host;
    private final Leases leases;
    private final int batchSize;
    private final Duration conversationIdleTimeout;
    private final Clock clock;
    private final Listeners listeners;
    private final Lifecycle lifecycle;
    private final Replies replies;
    private final HandOvers handOvers;
    private final HandingOver handingOver;
    private final UnroutedMessages fallback;
    /**
     * Called with a campaign once one of its messages was handed to the bot and acknowledged, outside the
     * lock: the contact's next message, held in the queue behind it, is drained then, not at a later run.
     */
    private volatile Consumer<CampaignId> afterHandOver = id -> {};

    private final ReplyHours replyHours;

    Conversations(
            RecipientStore recipients,
            Exclusivity exclusivity,
            ConversationStore conversations,
            InboundQueue inbound,
            BotFlowRegistry botFlows,
            UnroutedMessages fallback,
            HandingOver handingOver,
            HostCalls host,
            Leases leases,
            int batchSize,
            Duration conversationIdleTimeout,
            Clock clock,
            Listeners listeners,
            Lifecycle lifecycle,
            Replies replies,
            HandOvers handOvers,
            ReplyHours replyHours) {
        this.recipients = recipients;
        this.exclusivity = exclusivity;
        this.conversations = conversations;
        this.inbound = inbound;
        this.botFlows = botFlows;
        this.fallback = fallback;
        this.handingOver = handingOver;
        this.host = host;
        this.leases = leases;
        this.batchSize = batchSize;
        this.conversationIdleTimeout = conversationIdleTimeout;
        this.clock = clock;
        this.listeners = listeners;
        this.lifecycle = lifecycle;
        this.replies = replies;
        this.replyHours = replyHours;
        this.handOvers = handOvers;
    }

    void afterHandOver(Consumer<CampaignId> then) {
        afterHandOver = then;
    }

    /**
     * Routes one inbound message of a channel; unrouted ones go to the host's fallback.
     * {@code markHandled} marks the webhook's event handled and answers whether it was the first to: a
     * message for a bot is queued before that mark (the queue recognises it again, so a crash between
     * the two leaves the provider's retry to be processed, never a marked message that is nowhere);
     * what goes to the host's fallback is kept before that mark too, in the store's unrouted inbox
     * ({@link UnroutedMessages}).
     */
    void onInbound(String channelId, InboundMessage message, BooleanSupplier markHandled) {
        Instant now = clock.instant();
        Optional<PhoneNumber> phone = parse(message.from());
        if (phone.isEmpty()) {
            fallback.onceMarked(
                    markHandled,
                    new UnroutedMessage(channelId, message, UnroutedMessage.Reason.NOT_A_PHONE, Optional.empty()),
                    now);
            return;
        }
        Optional<Campaign> campaign = exclusivity.replyCampaign(
                new SenderKey(channelId, message.to()), phone.get(), message.replyToProviderMessageId());
        if (campaign.isEmpty()) {
            fallback.onceMarked(
                    markHandled,
                    new UnroutedMessage(
                            channelId, message, UnroutedMessage.Reason.NO_ACTIVE_CAMPAIGN, Optional.empty()),
                    now);
            return;
        }
        if (campaign.get().isFinishing()) {
            // its clean-up was interrupted; the next run completes it. The bot is done with it.
            fallback.onceMarked(
                    markHandled,
                    new UnroutedMessage(
                            channelId,
                            message,
                            UnroutedMessage.Reason.CAMPAIGN_FINISHED,
                            Optional.of(campaign.get().id())),
                    now);
            return;
        }
        Campaign active = campaign.get();
        RecipientKey key = new RecipientKey(active.id(), phone.get());
        lifecycle.emit(recipients.apply(List.of(
                new RecipientUpdate.StatusReached(key, DeliveryState.REPLIED, Optional.empty(), message.timestamp()))));
        Conversation conversation = conversations.openOrContinue(active.id(), phone.get(), now);
        ReceivedMessage forBot = toBotMessage(message);
        ReplyHours.Window hours = replyHours.of(active, phone.get(), now); // the contact's local hours, if so set
        if (hours.isOpenAt(now)) {
            // through the queue too, so the bot's hand-over is stored before the webhook is answered
            inbound.enqueueInbound(conversation.id(), active.id(), phone.get(), forBot);
            boolean unused = markHandled.getAsBoolean(); // stored either way: a duplicate is deduplicated by its queue
            drainQueue(active, now);
            return;
        }
        OutOfHoursPolicy policy = active.configuration().outOfHoursPolicy();
        // under CLOSE the bot will not get it: the host does, kept first, so what the contact wrote is not lost
        UnroutedMessages.@Nullable Kept forHost = policy.action() == OutOfHoursPolicy.Action.CLOSE
                ? fallback.keep(
                        new UnroutedMessage(
                                channelId,
                                message,
                                UnroutedMessage.Reason.OUT_OF_HOURS_CLOSED,
                                Optional.of(active.id())),
                        now)
                : null;
        if (policy.action() == OutOfHoursPolicy.Action.QUEUE) {
            inbound.enqueueInbound(conversation.id(), active.id(), phone.get(), forBot.asQueued());
            boolean unused = markHandled.getAsBoolean(); // stored either way: a duplicate is deduplicated by its queue
        } else if (!markHandled.getAsBoolean()) {
            if (forHost != null) {
                fallback.release(forHost, false);
            }
            return; // handled meanwhile, through another engine
        }
        policy.autoReply().ifPresent(text -> {
            if (conversations.tryMarkAutoReply(conversation.id(), hours.closedSince(now), now)) {
                replies.sendAutomatic(active, conversation, text);
            }
        });
        if (forHost != null) {
            conversations
                    .closeConversation(conversation.id(), Conversation.OUT_OF_HOURS, now)
                    .ifPresent(closed -> notifyClosed(active, closed, Conversation.OUT_OF_HOURS));
            fallback.release(forHost, true);
        }
    }

    /**
     * Hands queued messages to the bot in arrival order once hours are open. Each is acknowledged once
     * the bot's call returned; until then it stays queued under this engine's lease, and a claim that
     * hands it back to this engine (its lease ran out while the bot was slow) does not deliver it twice.
     */
    Optional<Instant> drainQueue(Campaign campaign, Instant now) {
        handingOver.newPass(campaign.id());
        if (LocalTimes.isOn(campaign)) {
            Optional<Instant> firstOpening = replyHours.allClosedUntil(campaign, now);
            if (firstOpening.isPresent()) {
                return firstOpening; // nothing to hand over: claim nothing, so nothing waits out a lease past its
                // opening
            }
        }
        Optional<Instant> closedUntil = Optional.empty();
        List<QueuedInbound> batch;
        do {
            batch = inbound.claimQueued(campaign.id(), leases.newLease(now), batchSize, now);
            for (QueuedInbound queued : batch) {
                if (LocalTimes.isOn(campaign)) {
                    Optional<Instant> held = replyHours.holdUntil(
                            campaign, queued, now, leases.newLease(now).expiresAt());
                    if (held.isPresent()) { // its contact's window is closed: it stays queued under this claim's lease
                        closedUntil = Dispatcher.earliest(closedUntil, held);
                        continue;
                    }
                }
                HandingOver.QueuedKey key = new HandingOver.QueuedKey(campaign.id(), queued.sequence());
                if (!handingOver.take(key)) {
                    continue;
                }
                Conversation conversation = conversations
                        .findConversation(queued.conversationId())
                        .filter(Conversation::isOpen)
                        .orElseGet(() -> reopenFor(campaign, queued, now));
                deliver(
                        campaign,
                        conversation,
                        queued.message(),
                        () -> handingOver.calledOff(key),
                        () -> handOvers.begin(queued),
                        () -> {
                            handingOver.acknowledge(key);
                            afterHandOver.accept(campaign.id());
                        },
                        () -> handingOver.forget(key));
            }
        } while (batch.size() == batchSize);
        return closedUntil;
    }

    /**
     * A conversation to hand a queued message over in, its own having closed meanwhile (inactivity
     * while the hours were closed): the customer-service window runs from when the contact wrote, not
     * from the hand-over, so a bot answering days later is refused as the channel would refuse it.
     */
    private Conversation reopenFor(Campaign campaign, QueuedInbound queued, Instant now) {
        Instant wrote = queued.message().receivedAt();
        return conversations.openOrContinue(campaign.id(), queued.phone(), wrote.isAfter(now) ? now : wrote, now);
    }

    /** See {@link UnroutedMessages#recover}: kept messages for the host's fallback whose keeper died. */
    void recoverUnrouted(Instant now) {
        fallback.recover(now);
    }

    /** See {@link UnroutedMessages#handQueued}: a finishing campaign's queue goes to the host's fallback. */
    long handQueuedToFallback(Campaign campaign, Instant now) {
        return fallback.handQueued(campaign, now);
    }

    /** The order key of one contact's calls to its campaign's bot: they run one at a time, in order. */
    private static Object contactKey(CampaignId campaignId, PhoneNumber phone) {
        return List.of(campaignId, phone);
    }

    /** Closes conversations idle past the timeout; answers when the next one would be. */
    Optional<Instant> closeIdle(Campaign campaign, Instant now) {
        Instant idleSince = now.minus(conversationIdleTimeout);
        ConversationSweep sweep;
        do {
            sweep = conversations.closeConversations(
                    campaign.id(), Optional.of(idleSince), Conversation.INACTIVITY, batchSize, now);
            if (!sweep.closed().isEmpty()) { // asked every run: nothing allocated when none closed
                for (Conversation conversation : sweep.closed()) {
                    notifyClosed(campaign, conversation, Conversation.INACTIVITY);
                }
            }
        } while (sweep.closed().size() == batchSize);
        return sweep.oldestActivity().map(at -> at.plus(conversationIdleTimeout));
    }

    void notifyClosed(Campaign campaign, Conversation conversation, String reason) {
        botOf(campaign).ifPresent(bot -> {
            ConversationContext about = contextOf(campaign, conversation);
            host.run(contactKey(campaign.id(), conversation.phone()), () -> {
                try {
                    bot.onConversationClosed(about, reason);
                } catch (RuntimeException e) {
                    LOG.warn("bot flow of campaign {} failed on closing {}", campaign.id(), conversation.id(), e);
                    listeners.failure(Optional.of(campaign.id()), EngineFailure.BOT_FLOW, e);
                }
            });
        });
    }

    /**
     * Hands {@code message} to the bot outside the lock, after the contact's earlier ones, unless
     * {@code calledOff} says otherwise by then or {@code begin} says not to; then {@code done}.
     */
    private void deliver(
            Campaign campaign,
            Conversation conversation,
            ReceivedMessage message,
            BooleanSupplier calledOff,
            Supplier<HandOvers.Decision> begin,
            Runnable done,
            Runnable onDropped) {
        Optional<BotFlow> bot = botOf(campaign);
        if (bot.isEmpty()) {
            LOG.warn(
                    "campaign {} names bot flow {} which the registry does not have; message {} not answered",
                    campaign.id(),
                    campaign.configuration().botFlowId().orElse("?"),
                    message.messageId());
            done.run();
            return;
        }
        ConversationContext about = contextOf(campaign, conversation);
        BotReply reply = replies.replyFor(campaign, conversation);
        host.runUnlessFailed(
                contactKey(campaign.id(), conversation.phone()),
                () -> {
                    if (calledOff.getAsBoolean() || !HandingOver.begun(begin, message, done, onDropped)) {
                        return;
                    }
                    try {
                        bot.get().onInboundMessage(about, message, reply);
                    } catch (RuntimeException e) {
                        LOG.warn("bot flow of campaign {} failed on message {}", campaign.id(), message.messageId(), e);
                        listeners.failure(Optional.of(campaign.id()), EngineFailure.BOT_FLOW, e);
                    } finally {
                        done.run();
                    }
                },
                onDropped);
    }

    private Optional<BotFlow> botOf(Campaign campaign) {
        return campaign.configuration().botFlowId().flatMap(botFlows::find);
    }

    private ConversationContext contextOf(Campaign campaign, Conversation conversation) {
        Optional<Recipient> recipient = recipients.findRecipient(conversation.recipientKey());
        Contact contact = recipient.map(Recipient::contact).orElseGet(() -> Contact.of(conversation.phone()));
        // the sender of the channel that reached the contact, where its replies go
        return new ConversationContext(
                conversation.id(),
                campaign.id(),
                campaign.kind(),
                campaign.configuration().botFlowId().orElseThrow(),
                ConversationChannels.senderOf(campaign, recipient),
                contact);
    }

    /** The engine's view of a channel's message, as a bot (or the unrouted inbox) keeps it. */
    static ReceivedMessage toBotMessage(InboundMessage message) {
        List<URI> media = message.media().stream()
                .map(MediaReference::url)
                .flatMap(Optional::stream)
                .toList();
        Optional<String> text = message.text().or(message::buttonPayload);
        return new ReceivedMessage(
                message.providerMessageId(), text, media, message.timestamp(), false, message.content());
    }

    private static Optional<PhoneNumber> parse(String from) {
        try {
            return Optional.of(PhoneNumber.parse(from));
        } catch (RuntimeException notAPhone) {
            return Optional.empty();
        }
    }
}
