package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.hours.RecipientZone;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims by local zone, for campaigns whose hours are read in each recipient's local time
 * ({@link io.campaignkit.core.hours.LocalHours}). A store that supports such campaigns answers it from
 * {@link RecipientStore#windows()} (or implements it on its recipient store): each recipient keeps the zone key it was added with
 * ({@link NewRecipient#localZone()}), and the engine, which knows which zones' windows are open at an
 * instant, claims only from those. Not counted in {@link CampaignStorage#ABSTRACT_METHODS}: a store
 * without it runs every campaign but those; launching one is refused.
 *
 * <p>The rules are {@link RecipientStore}'s: a claim is {@link RecipientStore.ClaimKind#DUE}'s, limited to
 * a set of zone keys (the same atomicity, lease, attempt and order: due time, then sequence, across the
 * zones), and never hands out a recipient another claim holds. The engine asks once per batch with every
 * zone open and due at that instant, so recipients of zones that fell due together are claimed in their
 * sequence (launch) order. A database keeps the key in a column with an index leading with the campaign,
 * the state and the key, so a claim reads one index range per zone of the set, in one statement.
 */
public interface RecipientWindows {

    /**
     * Claims, as {@link RecipientStore#claim} with {@link RecipientStore.ClaimKind#DUE} does, up to
     * {@code limit} due PENDING recipients of the campaign whose zone key is one of {@code zoneKeys}, first
     * by due time, then by sequence, whichever zone each is in.
     *
     * @param zoneKeys 1 to {@link CampaignStore#MAX_BATCH} {@link RecipientZone#key()}s
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     */
    List<Recipient> claimDueIn(CampaignId campaignId, Set<String> zoneKeys, Lease lease, int limit, Instant now);

    /**
     * The earliest {@code dueAt} among the campaign's PENDING recipients of each of {@code zoneKeys}
     * that has any; keys without PENDING recipients are absent.
     *
     * @param zoneKeys 1 to {@link CampaignStore#MAX_BATCH} keys
     */
    Map<String, Instant> nextDueIn(CampaignId campaignId, Set<String> zoneKeys);

    /** The zone keys of the campaign's PENDING recipients (those added without a key are not counted). */
    Set<String> pendingZones(CampaignId campaignId);
}
