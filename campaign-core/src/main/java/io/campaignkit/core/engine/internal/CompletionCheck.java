package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientStore;
import java.time.Instant;

/**
 * Tells when a campaign is done sending (nothing PENDING or SENDING) and how many of its sends are
 * still in flight, which a finishing campaign waits for.
 */
final class CompletionCheck {

    private final RecipientStore recipients;
    private final Lifecycle lifecycle;
    private final Claims claims;
    private final LeaseKeeper leaseKeeper;

    CompletionCheck(RecipientStore recipients, Lifecycle lifecycle, Claims claims, LeaseKeeper leaseKeeper) {
        this.recipients = recipients;
        this.lifecycle = lifecycle;
        this.claims = claims;
        this.leaseKeeper = leaseKeeper;
    }

    /** Marks the campaign done sending when none of its recipients is left PENDING or SENDING. */
    void completeIfDone(Campaign campaign, Instant now) {
        if (claims.outstanding(campaign.id()) > 0) {
            return; // answers to come: their recording wakes the runner, which looks again
        }
        RecipientCounts counts = recipients.counts(campaign.id());
        if (counts.count(DeliveryState.PENDING) == 0 && counts.count(DeliveryState.SENDING) == 0) {
            try {
                lifecycle.change(
                        campaign.id(),
                        CampaignAction.COMPLETE_SENDING,
                        c -> c.dispatch().orElse(null) instanceof DispatchState.Sending ? c.completeSending(now) : c);
            } catch (IllegalCampaignActionException changedMeanwhile) {
                // paused or finished meanwhile: the next run sees it
            }
        }
    }

    /**
     * Whether any of the campaign's recipients is SENDING, as a count: this engine's own sends awaiting
     * their answers if there are any (their leases renewed when due, so no one takes them over while
     * the campaign finishes), else the store's count (sends of other processes, live or dead). The
     * store is counted only once this engine's own answers are in: each answer wakes the runner, and
     * counting a large campaign's recipients on every wake would cost far more than the wait.
     */
    long sendingInFlight(CampaignId id, Instant now) {
        leaseKeeper.renewLeases(id, now);
        int own = claims.outstanding(id);
        return own > 0 ? own : recipients.counts(id).count(DeliveryState.SENDING);
    }
}
