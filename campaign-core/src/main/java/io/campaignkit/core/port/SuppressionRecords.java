package io.campaignkit.core.port;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.Collection;
import java.util.List;

/**
 * What a {@link SuppressionList} keeps about one phone, for the engine to say whether a contact is
 * suppressed and why ({@link io.campaignkit.core.engine.CampaignEngine#suppression}): a small port of its
 * own, so the eight ports keep their size. A store whose suppression list implements it is used as it is
 * (the in-memory and JDBC stores do); another is given with
 * {@link io.campaignkit.core.engine.CampaignEngineBuilder#suppressionRecords}. Its contract kit is
 * {@code SuppressionRecordsContractKit}.
 *
 * <p>The query is bounded by the senders asked about, so it never returns the phone's entries on
 * other senders (another tenant's): the engine asks about one tenant's senders.
 */
public interface SuppressionRecords {

    /**
     * The phone's suppression on every sender, if any, and its suppressions on {@code senders}, each as
     * it was stored (source, instant, reason), in no particular order.
     *
     * @param senders at most {@link CampaignStore#MAX_BATCH}, possibly none (then only the every-sender one)
     */
    List<Suppression> suppressionsOf(PhoneNumber phone, Collection<SenderKey> senders);
}
