package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.StatusReason;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contact-availability rule: asks the host's {@link ContactAvailability} which contacts are busy,
 * one call per batch, and decides what becomes of a busy one: skipped ({@code CONTACT_BUSY}) when the
 * campaign waits for no one or its wait is over, else checked again at the next recheck (or at the end
 * of the wait, whichever comes first).
 *
 * <p>The wait counts from when a recipient was first found busy, as the store's {@link BusyWaits} keep it
 * (every engine on the store, and one restarted, counts from the same instant), or, for a store that
 * keeps none, as this engine remembers it ({@link EngineBusyWaits}). A wait ends when its recipient is
 * found free or skipped, and every wait of a campaign when it finishes.
 */
final class BusyContacts {

    private final ContactAvailability availability;
    private final Duration recheck;
    private final Listeners listeners;
    private final BusyWaits waits;

    BusyContacts(ContactAvailability availability, Duration recheck, Listeners listeners, Optional<BusyWaits> waits) {
        this.availability = availability;
        this.recheck = recheck;
        this.listeners = listeners;
        this.waits = waits.orElseGet(EngineBusyWaits::new);
    }

    /** Whether the host checks anyone at all: with the default, nobody is asked about. */
    boolean checks() {
        return availability != ContactAvailability.EVERYONE_AVAILABLE;
    }

    /**
     * The busy ones among {@code phones} for {@code campaign} on its first sender (only phones asked about count).
     *
     * @throws RuntimeException what the host's check threw, reported as {@link EngineFailure#CONTACT_AVAILABILITY}
     */
    Set<PhoneNumber> busyAmong(Campaign campaign, List<PhoneNumber> phones) {
        return busyAmong(campaign, ChannelAdapters.senderKey(campaign), phones);
    }

    /**
     * The busy ones among {@code phones} for {@code campaign}, to be sent from {@code sender} (the sender
     * of their channel binding; only phones asked about count).
     *
     * @throws RuntimeException what the host's check threw, reported as {@link EngineFailure#CONTACT_AVAILABILITY}
     */
    Set<PhoneNumber> busyAmong(
            Campaign campaign, io.campaignkit.core.campaign.SenderKey sender, List<PhoneNumber> phones) {
        if (phones.isEmpty() || !checks()) {
            return Set.of();
        }
        Set<PhoneNumber> answer;
        try {
            answer = availability.busyAmong(campaign.tenantId(), sender, List.copyOf(phones));
        } catch (RuntimeException failure) {
            listeners.failure(Optional.of(campaign.id()), EngineFailure.CONTACT_AVAILABILITY, failure);
            throw failure;
        }
        if (answer == null || answer.isEmpty()) {
            return Set.of();
        }
        Set<PhoneNumber> busy = new HashSet<>(phones);
        busy.retainAll(answer);
        return busy;
    }

    /** A busy contact kept PENDING at launch: its wait starts now. */
    void startWaiting(RecipientKey key, Instant now) {
        waits.firstFoundBusy(key.campaignId(), key.phone(), now);
    }

    /**
     * When to check a busy recipient again, or empty when it is to be skipped now (the campaign waits
     * for no one, or the wait is over).
     */
    Optional<Instant> recheckAt(Campaign campaign, RecipientKey key, Instant now) {
        Duration wait = campaign.configuration().busyContactWait();
        if (wait.isZero()) {
            return Optional.empty();
        }
        Instant deadline =
                waits.firstFoundBusy(key.campaignId(), key.phone(), now).plus(wait);
        if (!now.isBefore(deadline)) {
            return Optional.empty(); // skipped: the caller ends the wait once the skip is stored
        }
        Instant next = now.plus(recheck);
        return Optional.of(next.isBefore(deadline) ? next : deadline);
    }

    /** When to ask again about a batch whose check failed. */
    Instant retryAfterFailure(Instant now) {
        return now.plus(recheck);
    }

    /**
     * These recipients of the campaign are free now (or are skipped): their waits, if any, are over. Only
     * when the campaign waits for busy contacts, else none of them ever waited.
     */
    void free(Campaign campaign, List<PhoneNumber> phones) {
        if (!phones.isEmpty() && !campaign.configuration().busyContactWait().isZero()) {
            waits.endBusyWaits(campaign.id(), phones);
        }
    }

    /** The campaign is finishing: none of its recipients waits any more. */
    void forget(io.campaignkit.core.campaign.CampaignId campaignId) {
        waits.endAllBusyWaits(campaignId);
    }

    /** The reason of a busy contact skipped. */
    static StatusReason skipReason(Campaign campaign, PhoneNumber phone) {
        Duration wait = campaign.configuration().busyContactWait();
        return StatusReason.of(
                SkipReasons.CONTACT_BUSY,
                phone + " is busy (the host's contact availability)"
                        + (wait.isZero() ? "" : " and stayed busy for the campaign's wait of " + wait),
                true);
    }
}
