package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.List;

/**
 * When each recipient a campaign waits for was first found busy (the host's {@link ContactAvailability}),
 * kept by the store so that every engine on it, and an engine restarted, counts the campaign's
 * busy-contact wait ({@code CampaignConfiguration.busyContactWait()}) from the same instant: a contact
 * busy from {@code t0} is skipped {@code CONTACT_BUSY} at {@code t0} plus the wait, whichever engine looks.
 *
 * <p>A store offers it through {@link RecipientStore#busyWaits()}. Not counted in
 * {@link CampaignStorage#ABSTRACT_METHODS}: without it, each engine remembers the waits in its own
 * memory, and a restart, or another engine claiming the recipient, starts the wait again (the contact is
 * kept pending longer than configured, never lost).
 *
 * <h2>Atomicity</h2>
 * {@link #firstFoundBusy} is insert-if-absent, atomic per campaign and phone: of engines that find one
 * contact busy at once, all get the instant stored first. A wait ends (its entry is removed) when the
 * recipient is sent or skipped, and every wait of a campaign ends when it finishes or is deleted, so
 * the entries never outgrow the recipients waiting now. Implementations are thread-safe.
 */
public interface BusyWaits {

    /**
     * The instant the recipient was first found busy: the one stored, else {@code now}, stored now.
     *
     * @return the instant stored first, never later than any {@code now} given for that recipient since
     */
    Instant firstFoundBusy(CampaignId campaignId, PhoneNumber phone, Instant now);

    /**
     * The waits of these recipients are over (they were found free, sent or skipped). Idempotent; a
     * phone with no wait is ignored.
     *
     * @param phones 1 to {@link CampaignStore#MAX_BATCH}
     */
    void endBusyWaits(CampaignId campaignId, List<PhoneNumber> phones);

    /** Every wait of the campaign is over: it finished or is deleted. Idempotent. */
    void endAllBusyWaits(CampaignId campaignId);
}
