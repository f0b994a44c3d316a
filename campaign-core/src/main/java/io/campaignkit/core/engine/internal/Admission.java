package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.RenderResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launch's questions about one batch of contacts, and its insert (the launch's and
 * {@code addContacts}'): which channel binding each is sent on (the first that can reach it, else
 * SKIPPED {@code NO_CHANNEL}), does that binding's message resolve for it, did it opt out (of its
 * binding's sender, or of any of the campaign's when its tenant says so), is it busy now (asked of the
 * host for its binding's sender), and is it free within the tenant's exclusivity scope on every sender
 * of the campaign (it is engaged on all of them, so a reply on any of the campaign's channels reaches
 * the campaign's conversation, and a fallback's send needs no engagement of its own).
 */
final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final RecipientStore recipients;
    private final Exclusivity exclusivity;
    private final BusyContacts busy;
    private final SuppressionList suppressions;
    private final ChannelRoutes routes;
    private final Lifecycle lifecycle;
    private final LocalTimes localTimes;

    Admission(
            RecipientStore recipients,
            Exclusivity exclusivity,
            BusyContacts busy,
            SuppressionList suppressions,
            ChannelRoutes routes,
            Lifecycle lifecycle,
            LocalTimes localTimes) {
        this.recipients = recipients;
        this.exclusivity = exclusivity;
        this.busy = busy;
        this.suppressions = suppressions;
        this.routes = routes;
        this.lifecycle = lifecycle;
        this.localTimes = localTimes;
    }

    /** Adds one batch of contacts as recipients, PENDING or SKIPPED with the reason; answers those the store added. */
    List<Recipient> insertBatch(Campaign campaign, List<Contact> batch, Instant dueAt, Instant now) {
        return store(campaign, admit(campaign, batch, dueAt, now), now);
    }

    /**
     * The first half of {@link #insertBatch}: every question about the batch asked (channel, message, local
     * zone, opt-outs, busy) and the PENDING ones engaged; answers the new recipients, in the order to store
     * them, with nothing stored yet.
     */
    List<NewRecipient> admit(Campaign campaign, List<Contact> batch, Instant dueAt, Instant now) {
        List<Optional<StatusReason>> skips = new ArrayList<>(batch.size());
        int[] bindingOf = new int[batch.size()];
        List<@Nullable RecipientZone> zones = new ArrayList<>(batch.size());
        Map<Integer, List<PhoneNumber>> phonesByBinding = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            zones.add(null);
            OptionalInt binding = ChannelRoutes.firstReaching(campaign, contact, 0);
            if (binding.isEmpty()) {
                skips.add(Optional.of(StatusReason.of(
                        SkipReasons.NO_CHANNEL,
                        "none of the campaign's channels may reach " + contact.phone() + " (" + conditions(campaign)
                                + ")",
                        true)));
                continue;
            }
            bindingOf[i] = binding.getAsInt();
            RenderResult rendered =
                    ChannelRoutes.binding(campaign, bindingOf[i]).message().render(contact);
            skips.add(
                    rendered instanceof RenderResult.Unresolved unresolved
                            ? Optional.of(StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true))
                            : Optional.empty());
            if (LocalTimes.isOn(campaign) && skips.get(i).isEmpty()) {
                // local hours: a contact without a usable local window is skipped before it is engaged
                LocalTimes.ZoneOrSkip zone = localTimes.zoneOf(campaign, contact, dueAt);
                zones.set(i, zone.zone());
                if (zone.skipReason().isPresent()) {
                    skips.set(i, zone.skipReason());
                    continue;
                }
            }
            phonesByBinding
                    .computeIfAbsent(bindingOf[i], index -> new ArrayList<>())
                    .add(contact.phone());
        }
        Map<PhoneNumber, SenderKey> optedOut = new HashMap<>();
        phonesByBinding.forEach((binding, phones) -> {
            for (SenderKey sender : routes.optOutSenders(campaign, binding)) {
                suppressions.suppressedAmong(sender, phones).forEach(phone -> optedOut.putIfAbsent(phone, sender));
            }
        });
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            SenderKey optedOutOf = optedOut.get(contact.phone());
            if (skips.get(i).isEmpty() && optedOutOf != null) {
                skips.set(
                        i,
                        Optional.of(StatusReason.of(
                                SkipReasons.OPTED_OUT,
                                contact.phone() + " opted out of " + optedOutOf.senderId(),
                                true)));
            }
        }
        skipBusy(campaign, batch, bindingOf, skips, dueAt, now);
        List<PhoneNumber> toEngage = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (skips.get(i).isEmpty()) {
                toEngage.add(batch.get(i).phone());
            }
        }
        Map<PhoneNumber, SenderKey> engagedElsewhere = toEngage.isEmpty()
                ? Map.of()
                : exclusivity.engage(campaign, List.copyOf(ChannelRoutes.senders(campaign)), toEngage);
        List<NewRecipient> added = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            Optional<StatusReason> skip = skips.get(i);
            SenderKey taken = engagedElsewhere.get(contact.phone());
            if (skip.isEmpty() && taken != null) {
                skip = Optional.of(StatusReason.of(
                        SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN,
                        exclusivity.heldElsewhere(campaign, taken, contact.phone()),
                        true));
            }
            int binding = bindingOf[i];
            RecipientZone zone = zones.get(i);
            added.add(skip.map(reason -> NewRecipient.skipped(contact, now, reason))
                    .orElseGet(() ->
                            localTimes.pending(campaign, contact, dueAt, zone).onBinding(binding)));
        }
        return LocalTimes.isOn(campaign)
                ? LocalTimes.zoneByZone(
                        added, recipient -> recipient.localZone().orElse(null))
                : added;
    }

    /** The second half of {@link #insertBatch}: stores what {@link #admit} answered; answers what the store added. */
    List<Recipient> store(Campaign campaign, List<NewRecipient> admitted, Instant now) {
        List<Recipient> inserted = recipients.insertRecipients(campaign.id(), admitted, now);
        List<RecipientChange> skippedNow = new ArrayList<>();
        for (Recipient recipient : inserted) {
            if (recipient.state() == DeliveryState.SKIPPED) {
                Recipient before = recipient.withState(DeliveryState.PENDING, now);
                skippedNow.add(new RecipientChange(before, recipient));
            }
        }
        lifecycle.emit(skippedNow);
        return inserted;
    }

    /**
     * A campaign that sends at once asks the host which contacts are busy (one call per binding's sender):
     * with no busy-contact wait they are skipped now ({@code CONTACT_BUSY}) and not engaged; with one
     * they are added PENDING, their wait starting now. A campaign that starts later leaves the question
     * to the check before each send, and so does a failing check (reported; nobody is skipped for it).
     */
    private void skipBusy(
            Campaign campaign,
            List<Contact> batch,
            int[] bindingOf,
            List<Optional<StatusReason>> skips,
            Instant dueAt,
            Instant now) {
        if (!busy.checks() || dueAt.isAfter(now)) {
            return;
        }
        Map<Integer, List<PhoneNumber>> candidates = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (skips.get(i).isEmpty()) {
                candidates
                        .computeIfAbsent(bindingOf[i], index -> new ArrayList<>())
                        .add(batch.get(i).phone());
            }
        }
        Set<PhoneNumber> busyNow = new HashSet<>();
        for (Map.Entry<Integer, List<PhoneNumber>> binding : candidates.entrySet()) {
            Set<PhoneNumber> found;
            try {
                found = busy.busyAmong(
                        campaign,
                        ChannelRoutes.binding(campaign, binding.getKey()).sender(),
                        binding.getValue());
            } catch (RuntimeException failure) {
                LOG.warn(
                        "the contact-availability check failed at the launch of campaign {}; the check before each send"
                                + " decides",
                        campaign.id(),
                        failure);
                continue;
            }
            busyNow.addAll(found);
        }
        if (busyNow.isEmpty()) {
            return;
        }
        boolean waits = !campaign.configuration().busyContactWait().isZero();
        for (int i = 0; i < batch.size(); i++) {
            PhoneNumber phone = batch.get(i).phone();
            if (skips.get(i).isEmpty() && busyNow.contains(phone)) {
                if (waits) {
                    busy.startWaiting(new RecipientKey(campaign.id(), phone), now);
                } else {
                    skips.set(i, Optional.of(BusyContacts.skipReason(campaign, phone)));
                }
            }
        }
    }

    private static String conditions(Campaign campaign) {
        List<String> limits = new ArrayList<>();
        for (ChannelBinding binding : ChannelRoutes.bindings(campaign)) {
            limits.add(binding.sender().senderId() + " only for "
                    + binding.onlyFor().map(c -> c.toText()).orElse("all"));
        }
        return String.join("; ", limits);
    }
}
