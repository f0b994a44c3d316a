package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A campaign's pace and its senders' limits, as permits of the pacing store. A campaign with several
 * channel bindings is paced once for all of them: a send on a later binding takes its permit from the
 * first binding's pair (the campaign's pace and the first sender), then from its own binding's pair
 * (its sender's limit). So the campaign's pace and every sender's limit hold whatever binding a
 * contact is sent on; the price is that such a send also counts against the first sender's limit
 * (a store keeps a campaign's bucket per sender, so the first pair is the campaign's one pace).
 */
final class Pacing {

    private final PacingStore store;
    private final ChannelAdapters adapters;
    private final int senderBurst;
    /** Each campaign's limits, one per channel binding, made once: the pacing store holds the buckets. */
    private final ConcurrentMap<CampaignId, List<SendLimits>> limits = new ConcurrentHashMap<>();

    Pacing(PacingStore store, ChannelAdapters adapters, int senderBurst) {
        this.store = store;
        this.adapters = adapters;
        this.senderBurst = senderBurst;
    }

    /** The permits the campaign may take now (every send needs the first binding's). */
    int availablePermits(Campaign campaign, Instant now) {
        return store.availablePermits(limitsOf(campaign).get(0), now);
    }

    int tryAcquire(Campaign campaign, int wanted, Instant now) {
        return tryAcquire(campaign, 0, wanted, now);
    }

    /**
     * Takes up to {@code wanted} permits for sends on binding {@code binding}: the first binding's,
     * then, for a later binding, as many of its own (permits the second step does not grant are
     * not given back: the limits are never exceeded, at worst a permit of the first pair is lost).
     */
    int tryAcquire(Campaign campaign, int binding, int wanted, Instant now) {
        List<SendLimits> limits = limitsOf(campaign);
        int granted = store.tryAcquire(limits.get(0), wanted, now);
        return binding == 0 || granted == 0 ? granted : store.tryAcquire(limits.get(binding), granted, now);
    }

    /** When the campaign may next send on every one of its bindings. */
    Instant nextPermitAt(Campaign campaign, Instant now) {
        Instant latest = now;
        for (SendLimits binding : limitsOf(campaign)) {
            Instant at = store.nextPermitAt(binding, now);
            latest = at.isAfter(latest) ? at : latest;
        }
        return latest;
    }

    /** Holds the campaign's first sender until {@code until}: its channel said it sends too fast. */
    void holdSender(Campaign campaign, Instant until) {
        holdSender(campaign, 0, until);
    }

    /** Holds the sender of the campaign's binding {@code binding} until {@code until}. */
    void holdSender(Campaign campaign, int binding, Instant until) {
        store.holdSender(limitsOf(campaign).get(binding), until);
    }

    /**
     * Counts a reply about to be sent from {@code sender} (the sender of the channel that reached the
     * contact) against the sender's limit, never holding
     * it back: the provider counts every message of the number, and a contact waiting for an answer
     * comes before the campaign's next first message. With a permit free it is taken; without one the
     * reply takes the sender's next permit in debt: the sender is held one permit interval past its next
     * permit, so the campaigns on it send that much later. The campaign's pace does not apply.
     */
    void takeForReply(SenderKey sender, Instant now) {
        SendLimits limits = SendLimits.senderOnly(sender, senderLimit(sender));
        if (store.tryAcquire(limits, 1, now) == 0) {
            store.holdSender(limits, store.nextPermitAt(limits, now).plus(limits.senderPermitInterval()));
        }
    }

    void forget(CampaignId id) {
        limits.remove(id);
        store.forget(id);
    }

    /** The campaign's limits, without keeping them (a dry run plans campaigns that may never run). */
    SendLimits limitsFor(Campaign campaign) {
        List<SendLimits> known = limits.get(campaign.id());
        return known != null ? known.get(0) : newLimits(campaign).get(0);
    }

    private List<SendLimits> limitsOf(Campaign campaign) {
        List<SendLimits> known = limits.get(campaign.id());
        return known != null ? known : limits.computeIfAbsent(campaign.id(), id -> newLimits(campaign));
    }

    private List<SendLimits> newLimits(Campaign campaign) {
        Pace pace = campaign.configuration().deliveryPlan().pace();
        RateLimit campaignLimit = new RateLimit(pace.messages(), pace.per().length(), pace.burst());
        List<SendLimits> perBinding = new ArrayList<>();
        List<SenderKey> senders = ChannelRoutes.bindings(campaign).stream()
                .map(ChannelBinding::sender)
                .toList();
        if (senders.isEmpty()) { // no message yet (a draft): its first sender alone
            senders = List.of(ChannelAdapters.senderKey(campaign));
        }
        for (SenderKey sender : senders) {
            perBinding.add(new SendLimits(campaign.id(), campaignLimit, sender, senderLimit(sender)));
        }
        return List.copyOf(perBinding);
    }

    private RateLimit senderLimit(SenderKey sender) {
        return RateLimit.ofPermitsPerSecond(
                        adapters.adapter(sender.channelType()).capabilities().maxMessagesPerSecond())
                .withBurst(senderBurst);
    }
}
