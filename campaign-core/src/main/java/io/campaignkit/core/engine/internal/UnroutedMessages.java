package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.KeptUnrouted;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.UnroutedInbound;
import io.campaignkit.core.port.UnroutedInbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes to the host's {@link UnroutedMessageHandler}: inbound messages no campaign's bot takes (not
 * from a phone, no active campaign, a finishing campaign, out of hours under CLOSE), and a finishing
 * campaign's queued messages, in arrival order. The handler's failure is reported, never lost silently.
 *
 * <p>Durable as a bot's replies are: with a store that keeps an {@link UnroutedInbox}, a message is kept
 * (under this engine's lease) before its webhook is marked handled, and acknowledged once the handler
 * returned; a process that dies in between leaves it to {@link #recover}, by any engine once the lease ran
 * out. So the handler gets each message at least once (twice only when a process dies inside the handler's
 * call); the handler should recognise a message by its provider id.
 */
final class UnroutedMessages {

    private static final Logger LOG = LoggerFactory.getLogger(UnroutedMessages.class);

    private final RecipientStore recipients;
    private final InboundQueue inbound;
    private final UnroutedMessageHandler unrouted;
    private final HostCalls host;
    private final Leases leases;
    private final int batchSize;
    private final Listeners listeners;
    private final HandOvers handOvers;
    private final HandingOver handingOver;
    private final Optional<UnroutedInbox> inbox;
    /** Kept messages this engine is handing over now: a recovery does not hand them a second time. */
    private final Set<Long> handingKept = ConcurrentHashMap.newKeySet();

    UnroutedMessages(
            RecipientStore recipients,
            InboundQueue inbound,
            UnroutedMessageHandler unrouted,
            HostCalls host,
            Leases leases,
            int batchSize,
            Listeners listeners,
            HandOvers handOvers,
            HandingOver handingOver,
            Optional<UnroutedInbox> inbox) {
        this.recipients = recipients;
        this.inbound = inbound;
        this.unrouted = unrouted;
        this.host = host;
        this.leases = leases;
        this.batchSize = batchSize;
        this.listeners = listeners;
        this.handOvers = handOvers;
        this.handingOver = handingOver;
        this.inbox = inbox;
    }

    /** A message for the handler, kept before its webhook is marked handled; see {@link #release}. */
    record Kept(UnroutedMessage message, OptionalLong sequence) {}

    /**
     * Keeps {@code message} under this engine's lease when the store keeps unrouted messages; the sequence is
     * empty when the store keeps none, or kept the message before (a redelivered webhook).
     */
    Kept keep(UnroutedMessage message, Instant now) {
        if (inbox.isEmpty()) {
            return new Kept(message, OptionalLong.empty());
        }
        InboundMessage received = message.message();
        UnroutedInbound kept = new UnroutedInbound(
                message.channelId(),
                message.reason(),
                message.campaignId(),
                received.from(),
                received.to(),
                Conversations.toBotMessage(received));
        return new Kept(message, inbox.get().keepUnrouted(kept, leases.newLease(now)));
    }

    /**
     * After the webhook's mark: a message kept now goes to the handler if this was the first mark (else the
     * event was handled before it was ever kept, and it is acknowledged unhanded); one kept before belongs to
     * its first keeper, or to a {@link #recover recovery} once that one's lease ran out. Without an inbox, the
     * first mark hands it over at once.
     */
    void release(Kept kept, boolean firstMark) {
        if (kept.sequence().isEmpty()) {
            if (inbox.isEmpty() && firstMark) {
                hand(kept.message());
            }
            return;
        }
        long sequence = kept.sequence().getAsLong();
        if (firstMark) {
            handKept(sequence, kept.message());
        } else {
            inbox.orElseThrow().acknowledgeUnrouted(sequence);
        }
    }

    /** Keeps {@code message}, marks its webhook's event handled, and hands it over if the mark was the first. */
    void onceMarked(BooleanSupplier markHandled, UnroutedMessage message, Instant now) {
        Kept kept = keep(message, now);
        release(kept, markHandled.getAsBoolean());
    }

    /**
     * Hands over the kept messages no engine holds: their keeper died (or its store failed) before the
     * handler had them, and its lease ran out. The message is rebuilt from what the store kept.
     */
    void recover(Instant now) {
        if (inbox.isEmpty()) {
            return;
        }
        List<KeptUnrouted> batch;
        do {
            batch = inbox.get().claimUnrouted(leases.newLease(now), batchSize, now);
            for (KeptUnrouted kept : batch) { // asked every run: no lambda when none is kept
                handKept(kept.sequence(), toUnroutedMessage(kept.inbound()));
            }
        } while (batch.size() == batchSize);
    }

    private void handKept(long sequence, UnroutedMessage message) {
        if (!handingKept.add(sequence)) {
            return;
        }
        host.runUnlessFailed(
                orderKey(message),
                () -> {
                    try {
                        callHandler(message);
                    } finally {
                        try {
                            inbox.orElseThrow().acknowledgeUnrouted(sequence);
                        } finally {
                            handingKept.remove(sequence);
                        }
                    }
                },
                () -> handingKept.remove(sequence)); // the section failed: still kept, handed after its lease
    }

    /**
     * Hands every message still queued for the campaign to the host's fallback, in arrival order,
     * each acknowledged as soon as the fallback got it; answers how many. A finishing campaign's bot
     * never gets them, and they must not be lost.
     */
    long handQueued(Campaign campaign, Instant now) {
        boolean severalChannels = ChannelRoutes.bindings(campaign).size() > 1;
        long handed = 0;
        handingOver.newPass(campaign.id());
        List<QueuedInbound> batch;
        do {
            batch = inbound.claimQueued(campaign.id(), leases.newLease(now), batchSize, now);
            for (QueuedInbound queued : batch) {
                HandingOver.QueuedKey key = new HandingOver.QueuedKey(campaign.id(), queued.sequence());
                if (!handingOver.take(key)) {
                    continue;
                }
                // the channel it came in on: that of the binding that reached the contact
                SenderKey sender = severalChannels
                        ? ConversationChannels.senderOf(
                                campaign, recipients.findRecipient(new RecipientKey(campaign.id(), queued.phone())))
                        : ChannelAdapters.senderKey(campaign);
                UnroutedMessage message = new UnroutedMessage(
                        sender.channelType(),
                        toChannelMessage(queued, sender.senderId()),
                        UnroutedMessage.Reason.CAMPAIGN_FINISHED,
                        Optional.of(campaign.id()));
                // keyed by campaign, not contact: the fallback gets the campaign's queue in arrival order
                host.runUnlessFailed(
                        List.of("finished", campaign.id()),
                        () -> {
                            if (handingOver.calledOff(key)
                                    || !HandingOver.begun(
                                            () -> handOvers.begin(queued),
                                            queued.message(),
                                            () -> handingOver.acknowledge(key),
                                            () -> handingOver.forget(key))) {
                                return;
                            }
                            try {
                                unrouted.onUnroutedMessage(message);
                            } catch (RuntimeException e) {
                                // the host's own code failed on it: reported with the message, and the clean-up goes on
                                LOG.warn(
                                        "the unrouted-message handler failed on queued message {} of finished campaign {}",
                                        queued.message().messageId(),
                                        campaign.id(),
                                        e);
                                listeners.failure(Optional.of(campaign.id()), EngineFailure.UNROUTED_HANDLER, e);
                            } finally {
                                handingOver.acknowledge(key);
                            }
                        },
                        () -> handingOver.forget(key));
                handed++;
            }
        } while (batch.size() == batchSize);
        return handed;
    }

    /** Hands {@code message} to the host's handler after the lock, in order per channel and contact. */
    void hand(UnroutedMessage message) {
        host.run(orderKey(message), () -> callHandler(message));
    }

    private static Object orderKey(UnroutedMessage message) {
        return List.of("unrouted", message.channelId(), message.message().from());
    }

    private void callHandler(UnroutedMessage message) {
        try {
            unrouted.onUnroutedMessage(message);
        } catch (RuntimeException e) {
            LOG.warn(
                    "the unrouted-message handler failed on message {} of channel {}",
                    message.message().providerMessageId(),
                    message.channelId(),
                    e);
            listeners.failure(message.campaignId(), EngineFailure.UNROUTED_HANDLER, e);
        }
    }

    /** The channel's form of a kept message, rebuilt from what the store kept. */
    private static UnroutedMessage toUnroutedMessage(UnroutedInbound kept) {
        return new UnroutedMessage(
                kept.channelId(), rebuilt(kept.message(), kept.from(), kept.to()), kept.reason(), kept.campaignId());
    }

    /** The channel's form of a queued message, rebuilt from what the queue kept. */
    private static InboundMessage toChannelMessage(QueuedInbound queued, String senderId) {
        return rebuilt(queued.message(), queued.phone().e164(), senderId);
    }

    /** A stored message as the channel gave it: its media only as links (their kind is not kept). */
    private static InboundMessage rebuilt(ReceivedMessage kept, String from, String to) {
        return InboundMessage.builder(kept.messageId(), from, to, kept.receivedAt())
                .text(kept.text().orElse(null))
                .media(kept.media().stream()
                        .map(url -> MediaReference.ofUrl(MediaKind.OTHER, url))
                        .toList())
                .content(kept.content())
                .build();
    }
}
