package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;

/** Skips the recipients of a finished (or abandoned) campaign that were never sent. */
final class PendingSkips {

    private final RecipientStore recipients;
    private final Lifecycle lifecycle;
    private final int batchSize;
    private final BusyContacts busy;

    PendingSkips(RecipientStore recipients, Lifecycle lifecycle, int batchSize, BusyContacts busy) {
        this.recipients = recipients;
        this.lifecycle = lifecycle;
        this.batchSize = batchSize;
        this.busy = busy;
    }

    /** Skips every PENDING recipient of the campaign; answers how many. */
    long skipAll(CampaignId id, Instant now) {
        StatusReason reason =
                StatusReason.of(SkipReasons.CAMPAIGN_FINISHED, "the campaign finished before sending", true);
        long count = 0;
        List<RecipientChange> skipped;
        do {
            skipped = recipients.skipPending(id, reason, batchSize, now);
            lifecycle.emit(skipped);
            count += skipped.size();
        } while (!skipped.isEmpty());
        busy.forget(id);
        return count;
    }
}
