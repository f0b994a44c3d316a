package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.StatusReason;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contact-availability rule: asks the host's {@link ContactAvailability} which contacts are busy,
 * one call per batch, and decides what becomes of a busy one: skipped ({@code CONTACT_BUSY}) when the
 * campaign waits for no one or its wait is over, else checked again at the next recheck (or at the end
 * of the wait, whichever comes first).
 *
 * <p>The wait counts from when this engine first found the recipient busy, kept in memory: after a
 * restart, or when another engine claims it, the count starts again. Bounded, since each engine
 * waits at most the campaign's wait, and what a crash costs is a longer wait, never a lost contact.
 * One entry per waiting recipient, dropped when it is sent or skipped, or its campaign finishes.
 */
final class BusyContacts {

    private final ContactAvailability availability;
    private final Duration recheck;
    private final Listeners listeners;
    /** When this engine first found a waiting recipient busy; removed once it is sent or skipped. */
    private final Map<RecipientKey, Instant> busySince = new ConcurrentHashMap<>();

    BusyContacts(ContactAvailability availability, Duration recheck, Listeners listeners) {
        this.availability = availability;
        this.recheck = recheck;
        this.listeners = listeners;
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
        busySince.putIfAbsent(key, now);
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
        Instant deadline = busySince.computeIfAbsent(key, k -> now).plus(wait);
        if (!now.isBefore(deadline)) {
            busySince.remove(key);
            return Optional.empty();
        }
        Instant next = now.plus(recheck);
        return Optional.of(next.isBefore(deadline) ? next : deadline);
    }

    /** When to ask again about a batch whose check failed. */
    Instant retryAfterFailure(Instant now) {
        return now.plus(recheck);
    }

    /** The recipient is free (or gone): its wait, if any, is over. */
    void free(RecipientKey key) {
        if (!busySince.isEmpty()) {
            busySince.remove(key);
        }
    }

    /** The campaign is finishing: none of its recipients waits any more. */
    void forget(io.campaignkit.core.campaign.CampaignId campaignId) {
        if (!busySince.isEmpty()) {
            busySince.keySet().removeIf(key -> key.campaignId().equals(campaignId));
        }
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
