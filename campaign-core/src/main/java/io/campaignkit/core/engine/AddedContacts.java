package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.internal.Arguments;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link CampaignEngine#addContacts} did: the contacts that became recipients (to be sent, or
 * skipped with their reason as at a launch) and those that were recipients already.
 *
 * @param campaign the campaign as it now is (a campaign that was done sending is sending again)
 * @param pending contacts added to be sent
 * @param skippedByReason contacts added as SKIPPED, per reason code (engaged in another active
 *     campaign, opted out, a binding without a value)
 * @param alreadyIn contacts not added: recipients of the campaign already, or given twice
 */
public record AddedContacts(Campaign campaign, long pending, Map<String, Long> skippedByReason, long alreadyIn) {

    public AddedContacts {
        Arguments.requireNonNull(campaign, "campaign");
        skippedByReason = Collections.unmodifiableMap(
                new TreeMap<>(Arguments.requireNoNullEntries(skippedByReason, "skippedByReason")));
    }

    /** Contacts added as SKIPPED, all reasons. */
    public long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Contacts that became recipients: {@code pending + skipped}. */
    public long added() {
        return pending + skipped();
    }
}
