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
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes to the host's {@link UnroutedMessageHandler}: inbound messages no campaign's bot takes (not
 * from a phone, no active campaign, a finishing campaign, out of hours under CLOSE), and a finishing
 * campaign's queued messages, in arrival order. The handler's failure is reported, never lost silently.
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

    UnroutedMessages(
            RecipientStore recipients,
            InboundQueue inbound,
            UnroutedMessageHandler unrouted,
            HostCalls host,
            Leases leases,
            int batchSize,
            Listeners listeners,
            HandOvers handOvers,
            HandingOver handingOver) {
        this.recipients = recipients;
        this.inbound = inbound;
        this.unrouted = unrouted;
        this.host = host;
        this.leases = leases;
        this.batchSize = batchSize;
        this.listeners = listeners;
        this.handOvers = handOvers;
        this.handingOver = handingOver;
    }

    /** Hands {@code message} to the host once the webhook's event is marked handled, if this was the first mark. */
    void onceMarked(BooleanSupplier markHandled, UnroutedMessage message) {
        if (markHandled.getAsBoolean()) {
            hand(message);
        }
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
        host.run(List.of("unrouted", message.channelId(), message.message().from()), () -> {
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
        });
    }

    /** The channel's form of a queued message, rebuilt from what the queue kept. */
    private static InboundMessage toChannelMessage(QueuedInbound queued, String senderId) {
        ReceivedMessage kept = queued.message();
        return InboundMessage.builder(kept.messageId(), queued.phone().e164(), senderId, kept.receivedAt())
                .text(kept.text().orElse(null))
                .media(kept.media().stream()
                        .map(url -> MediaReference.ofUrl(MediaKind.OTHER, url))
                        .toList())
                .content(kept.content())
                .build();
    }
}
