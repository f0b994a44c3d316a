package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.AddedContacts;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends contacts to an ACTIVE campaign under a launch's rules: the whole list is checked against
 * the schema first (one contact lacking required data refuses it, nothing is added), then each
 * contact is added as the launch adds one ({@link Launcher#insertBatch}: PENDING, or SKIPPED as
 * engaged elsewhere, opted out, busy, unrenderable or reached by none of its
 * channels; each on the first channel binding that reaches it). A campaign done sending sends again. Adding is
 * idempotent (a phone already in the campaign is not added again), so an interrupted call is
 * completed by calling again with the same contacts.
 */
final class ContactAdditions {

    private final Launcher launcher;
    private final LaunchAudiences audiences;
    private final Lifecycle lifecycle;
    private final PendingSkips pendingSkips;
    private final EngagementStore engagements;
    private final Listeners listeners;
    private final int batchSize;
    private final Clock clock;

    ContactAdditions(
            Launcher launcher,
            LaunchAudiences audiences,
            Lifecycle lifecycle,
            PendingSkips pendingSkips,
            EngagementStore engagements,
            Listeners listeners,
            int batchSize,
            Clock clock) {
        this.launcher = launcher;
        this.audiences = audiences;
        this.lifecycle = lifecycle;
        this.pendingSkips = pendingSkips;
        this.engagements = engagements;
        this.listeners = listeners;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    AddedContacts add(CampaignId id, Iterable<Contact> contacts) {
        Campaign campaign = lifecycle.find(id);
        Instant now = clock.instant();
        campaign.acceptContacts(now); // refuses every state but ACTIVE and waiting, sending, paused or done
        audiences.checkComplete(campaign, contacts::forEach, "took none of the contacts");
        Instant dueAt =
                campaign.dispatch().orElseThrow() instanceof DispatchState.Waiting waiting ? waiting.startAt() : now;
        Tally tally = new Tally();
        List<Contact> batch = new ArrayList<>(batchSize);
        Set<PhoneNumber> phones = new HashSet<>();
        for (Contact contact : contacts) {
            if (!phones.add(contact.phone())) {
                tally.alreadyIn++;
                continue;
            }
            batch.add(contact);
            if (batch.size() == batchSize) {
                tally.count(batch.size(), launcher.insertBatch(campaign, batch, dueAt, clock.instant()));
                batch.clear();
                checkStillActive(id);
            }
        }
        if (!batch.isEmpty()) {
            tally.count(batch.size(), launcher.insertBatch(campaign, batch, dueAt, clock.instant()));
        }
        checkStillActive(id);
        Campaign after = lifecycle.change(id, CampaignAction.ADD_CONTACTS, c -> c.acceptContacts(clock.instant()));
        listeners.wakeUp();
        return new AddedContacts(after, tally.pending, tally.skipped, tally.alreadyIn);
    }

    /**
     * A campaign that began finishing while contacts went in (another process): what was added is not
     * left behind pending or engaged, and the refusal says why.
     */
    private void checkStillActive(CampaignId id) {
        Campaign current = lifecycle.find(id);
        try {
            current.acceptContacts(clock.instant());
        } catch (IllegalCampaignActionException finishing) {
            pendingSkips.skipAll(id, clock.instant());
            while (engagements.releaseEngagements(id, batchSize) > 0) {
                // released batch by batch
            }
            throw finishing;
        }
    }

    /** The figures of one call. */
    private static final class Tally {
        private long pending;
        private long alreadyIn;
        private final Map<String, Long> skipped = new HashMap<>();

        void count(int given, List<Recipient> inserted) {
            alreadyIn += given - inserted.size();
            for (Recipient recipient : inserted) {
                if (recipient.state() == DeliveryState.SKIPPED) {
                    skipped.merge(recipient.outcome().map(StatusReason::code).orElse("SKIPPED"), 1L, Long::sum);
                } else {
                    pending++;
                }
            }
        }
    }
}
