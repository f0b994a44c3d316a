package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.SendFailure;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a recipient falls back to its campaign's next channel binding: on the provider's certain "not
 * on this channel" answer (to the send, or in a FAILED status), or when its message is not DELIVERED
 * within the campaign's {@code fallbackAfter}. The decision is one {@link RecipientUpdate.Rerouted}:
 * the store moves the recipient back to PENDING on the next binding atomically, and only once, and the
 * fallback's send is then claimed, leased, paced (the campaign's pace and the fallback sender's limit),
 * kept inside the active hours and recorded like a first send. A crash between the decision and the
 * send leaves a PENDING recipient that any engine sends once; one before the decision leaves the
 * first attempt as it was, decided again later. A "not on this channel" status that comes once the
 * campaign is done sending (after {@link #STATUS_GRACE}, or after its {@code fallbackAfter}) fails the
 * recipient instead: nothing would send the fallback.
 */
final class Fallbacks {

    private final CampaignStore campaigns;
    private final RecipientStore recipients;
    private final Lifecycle lifecycle;
    private final int batchSize;

    Fallbacks(CampaignStore campaigns, RecipientStore recipients, Lifecycle lifecycle, int batchSize) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.lifecycle = lifecycle;
        this.batchSize = batchSize;
    }

    /** The fallback for a send the channel answered "not on this channel", if the recipient has a later binding. */
    static Optional<RecipientUpdate> onSendAnswer(
            Campaign campaign,
            Recipient recipient,
            Lease lease,
            SendFailure failure,
            StatusReason reason,
            Instant now) {
        if (!failure.notOnChannel()) {
            return Optional.empty();
        }
        OptionalInt next = ChannelRoutes.fallbackOf(campaign, recipient);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipientUpdate.Rerouted(
                recipient.key(), Optional.of(lease), recipient.binding(), next.getAsInt(), reason, now, now));
    }

    /**
     * The fallback for a FAILED status that says "not on this channel", if the recipient's campaign
     * still sends and the recipient has a later binding; else empty (the status is merged as usual).
     */
    Optional<RecipientUpdate> onFailedStatus(
            Recipient recipient, SendFailure failure, StatusReason reason, Instant now) {
        if (!failure.notOnChannel()
                || (recipient.state() != DeliveryState.SENT && recipient.state() != DeliveryState.UNKNOWN)) {
            return Optional.empty();
        }
        Optional<Campaign> campaign = campaigns.find(recipient.campaignId()).filter(Fallbacks::stillSends);
        if (campaign.isEmpty()) {
            return Optional.empty(); // done sending or finished: nothing would send the fallback
        }
        OptionalInt next = ChannelRoutes.fallbackOf(campaign.get(), recipient);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipientUpdate.Rerouted(
                recipient.key(), Optional.empty(), recipient.binding(), next.getAsInt(), reason, now, now));
    }

    /**
     * How long after its send a message may still be answered "not on this channel" by a FAILED status
     * and fall back, in a campaign without a {@code fallbackAfter}: the campaign is done sending only
     * once each of its messages that could fall back is this old, so such a status (which comes within
     * seconds or minutes) finds the campaign still sending. A later one fails the recipient.
     */
    static final Duration STATUS_GRACE = Duration.ofMinutes(15);

    /**
     * Falls back every recipient of a campaign with a {@code fallbackAfter} whose message has been SENT
     * for that long without being delivered; answers when the campaign next needs this: the next such
     * fallback, or, without a {@code fallbackAfter}, the end of the last message's {@link #STATUS_GRACE}
     * (the campaign is not done sending before). Empty for a campaign with one channel.
     */
    Optional<Instant> fallBackOverdue(Campaign campaign, Instant now) {
        int bindings = ChannelRoutes.bindings(campaign).size();
        if (bindings < 2) {
            return Optional.empty();
        }
        Optional<Duration> after = campaign.configuration().fallbackAfter();
        Duration window = after.orElse(STATUS_GRACE);
        // without a timed fallback only the messages still in their grace matter: start there
        RecipientQuery.AwaitingDelivery page = after.isPresent()
                ? new RecipientQuery.AwaitingDelivery(campaign.id(), bindings - 1, batchSize)
                : new RecipientQuery.AwaitingDelivery(
                        campaign.id(), bindings - 1, now.minus(window), Long.MAX_VALUE, batchSize);
        while (true) {
            List<Recipient> waiting = recipients.findRecipients(page);
            List<RecipientUpdate> reroutes = new ArrayList<>();
            Optional<Instant> nextDue = Optional.empty();
            for (Recipient recipient : waiting) {
                OptionalInt next = ChannelRoutes.fallbackOf(campaign, recipient);
                if (next.isEmpty()) {
                    continue; // no later binding reaches this contact: nothing to wait for
                }
                Instant due = recipient.sentAt().orElse(now).plus(window);
                if (due.isAfter(now)) {
                    nextDue = Optional.of(due);
                    break; // by ascending send time: the rest are due later
                }
                if (after.isPresent()) {
                    reroutes.add(new RecipientUpdate.Rerouted(
                            recipient.key(),
                            Optional.empty(),
                            recipient.binding(),
                            next.getAsInt(),
                            StatusReason.of(
                                    SkipReasons.NOT_DELIVERED_IN_TIME,
                                    "not delivered within "
                                            + after.get() + " on "
                                            + ChannelRoutes.binding(campaign, recipient.binding())
                                                    .sender()
                                                    .senderId(),
                                    false),
                            now,
                            now));
                }
            }
            if (!reroutes.isEmpty()) {
                lifecycle.emit(recipients.apply(reroutes));
            }
            if (nextDue.isPresent() || waiting.size() < batchSize) {
                return nextDue;
            }
            Recipient last = waiting.get(waiting.size() - 1);
            page = new RecipientQuery.AwaitingDelivery(
                    campaign.id(), bindings - 1, last.sentAt().orElse(Instant.EPOCH), last.sequence(), batchSize);
        }
    }

    private static boolean stillSends(Campaign campaign) {
        return campaign.state() == CampaignState.ACTIVE
                && campaign.dispatch()
                        .filter(d -> d instanceof DispatchState.Sending
                                || d instanceof DispatchState.Paused
                                || d instanceof DispatchState.Waiting)
                        .isPresent();
    }
}
