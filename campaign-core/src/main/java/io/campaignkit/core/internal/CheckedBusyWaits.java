package io.campaignkit.core.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.core.port.RecipientStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link BusyWaits} checking its arguments first, as {@link CheckedStorage} does for the other ports: the
 * engine wraps the store's, when its recipient store keeps them ({@link #of}).
 */
public final class CheckedBusyWaits implements BusyWaits {

    private final BusyWaits waits;

    private CheckedBusyWaits(BusyWaits waits) {
        this.waits = waits;
    }

    /** The checked {@link RecipientStore#busyWaits()} of {@code recipients}, when that store keeps them. */
    public static Optional<BusyWaits> of(RecipientStore recipients) {
        return recipients.busyWaits().map(CheckedBusyWaits::new);
    }

    @Override
    public Instant firstFoundBusy(CampaignId campaignId, PhoneNumber phone, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(now, "now");
        return waits.firstFoundBusy(campaignId, phone, now);
    }

    @Override
    public void endBusyWaits(CampaignId campaignId, List<PhoneNumber> phones) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(phones, "phones");
        waits.endBusyWaits(campaignId, phones);
    }

    @Override
    public void endAllBusyWaits(CampaignId campaignId) {
        Arguments.requireNonNull(campaignId, "campaignId");
        waits.endAllBusyWaits(campaignId);
    }
}
