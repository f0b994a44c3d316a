package io.campaignkit.desk.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.DeskSettings;
import java.util.List;
import java.util.Optional;

/**
 * Where the desk keeps each campaign's {@link DeskSettings}, so a desk restarted on the same store (or
 * another instance on it) finds them. Writes are optimistically versioned like
 * {@link DeskConversationStore}'s: a change made from a stale read fails and changes nothing. A store serves
 * one tenant's settings, as the desk's other ports do.
 */
public interface DeskSettingsStore {

    /**
     * Stores {@code settings}: a campaign's first ones when their version is 0, else a change of the stored
     * ones whose version must equal it. Answers them as stored, their version one more.
     *
     * @throws StaleDeskDataException if the campaign has settings already (version 0) or the stored version differs
     */
    DeskSettings saveSettings(DeskSettings settings);

    /** The campaign's settings, if stored. */
    Optional<DeskSettings> findSettings(CampaignId campaignId);

    /** Every campaign's settings, by campaign id. */
    List<DeskSettings> allSettings();
}
