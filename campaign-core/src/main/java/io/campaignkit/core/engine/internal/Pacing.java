package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A campaign's pace and its sender's limit, as permits of the pacing store. */
final class Pacing {

    private final PacingStore store;
    private final ChannelAdapters adapters;
    private final int senderBurst;
    /** Each campaign's limits, made once: the pacing store holds the buckets. */
    private final ConcurrentMap<CampaignId, SendLimits> limits = new ConcurrentHashMap<>();

    Pacing(PacingStore store, ChannelAdapters adapters, int senderBurst) {
        this.store = store;
        this.adapters = adapters;
        this.senderBurst = senderBurst;
    }

    int availablePermits(Campaign campaign, Instant now) {
        return store.availablePermits(limitsOf(campaign), now);
    }

    int tryAcquire(Campaign campaign, int wanted, Instant now) {
        return store.tryAcquire(limitsOf(campaign), wanted, now);
    }

    Instant nextPermitAt(Campaign campaign, Instant now) {
        return store.nextPermitAt(limitsOf(campaign), now);
    }

    /** Holds the campaign's sender until {@code until}: its channel said it sends too fast. */
    void holdSender(Campaign campaign, Instant until) {
        store.holdSender(limitsOf(campaign), until);
    }

    /**
     * Counts a reply about to be sent on the campaign's sender against the sender's limit, never holding
     * it back: the provider counts every message of the number, and a contact waiting for an answer
     * comes before the campaign's next first message. With a permit free it is taken; without one the
     * reply takes the sender's next permit in debt: the sender is held one permit interval past its next
     * permit, so the campaigns on it send that much later. The campaign's pace does not apply.
     */
    void takeForReply(Campaign campaign, Instant now) {
        SendLimits limits = SendLimits.senderOnly(ChannelAdapters.senderKey(campaign), senderLimit(campaign));
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
        SendLimits known = limits.get(campaign.id());
        return known != null ? known : newLimits(campaign);
    }

    private SendLimits limitsOf(Campaign campaign) {
        SendLimits known = limits.get(campaign.id());
        return known != null ? known : limits.computeIfAbsent(campaign.id(), id -> newLimits(campaign));
    }

    private SendLimits newLimits(Campaign campaign) {
        Pace pace = campaign.configuration().deliveryPlan().pace();
        RateLimit campaignLimit = new RateLimit(pace.messages(), pace.per().length(), pace.burst());
        return new SendLimits(campaign.id(), campaignLimit, ChannelAdapters.senderKey(campaign), senderLimit(campaign));
    }

    private RateLimit senderLimit(Campaign campaign) {
        return RateLimit.ofPermitsPerSecond(adapters.adapter(campaign).capabilities().maxMessagesPerSecond())
                .withBurst(senderBurst);
    }
}
