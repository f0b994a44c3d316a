package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.RenderResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The launch's questions about one batch of contacts, and its insert: which channel binding each is
 * sent on (the first that can reach it, else SKIPPED {@code NO_CHANNEL}), does that binding's message
 * resolve for it, did it opt out (of its binding's sender, or of any of the campaign's when its tenant
 * says so), and is it free on every sender of the campaign (it is engaged on all of them, so a reply
 * on any of the campaign's channels reaches the campaign's conversation).
 */
final class Admission {

    private final RecipientStore recipients;
    private final EngagementStore engagements;
    private final SuppressionList suppressions;
    private final ChannelRoutes routes;
    private final Lifecycle lifecycle;

    Admission(RecipientStore recipients, EngagementStore engagements, SuppressionList suppressions, ChannelRoutes routes,
            Lifecycle lifecycle) {
        this.recipients = recipients;
        this.engagements = engagements;
        this.suppressions = suppressions;
        this.routes = routes;
        this.lifecycle = lifecycle;
    }

    void insertBatch(Campaign campaign, List<Contact> batch, Instant dueAt, Instant now) {
        List<Optional<StatusReason>> skips = new ArrayList<>(batch.size());
        int[] bindingOf = new int[batch.size()];
        Map<Integer, List<PhoneNumber>> phonesByBinding = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            OptionalInt binding = ChannelRoutes.firstReaching(campaign, contact, 0);
            if (binding.isEmpty()) {
                skips.add(Optional.of(StatusReason.of(SkipReasons.NO_CHANNEL, "none of the campaign's channels may reach "
                        + contact.phone() + " (" + conditions(campaign) + ")", true)));
                continue;
            }
            bindingOf[i] = binding.getAsInt();
            RenderResult rendered = ChannelRoutes.binding(campaign, bindingOf[i]).message().render(contact);
            skips.add(rendered instanceof RenderResult.Unresolved unresolved
                    ? Optional.of(StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true))
                    : Optional.empty());
            phonesByBinding.computeIfAbsent(bindingOf[i], index -> new ArrayList<>()).add(contact.phone());
        }
        Map<PhoneNumber, SenderKey> optedOut = new HashMap<>();
        phonesByBinding.forEach((binding, phones) -> {
            for (SenderKey sender : routes.optOutSenders(campaign, binding)) {
                suppressions.suppressedAmong(sender, phones).forEach(phone -> optedOut.putIfAbsent(phone, sender));
            }
        });
        List<PhoneNumber> toEngage = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            SenderKey optedOutOf = optedOut.get(contact.phone());
            if (skips.get(i).isEmpty() && optedOutOf != null) {
                skips.set(i, Optional.of(StatusReason.of(SkipReasons.OPTED_OUT,
                        contact.phone() + " opted out of " + optedOutOf.senderId(), true)));
            }
            if (skips.get(i).isEmpty()) {
                toEngage.add(contact.phone());
            }
        }
        Map<PhoneNumber, SenderKey> engagedElsewhere = new HashMap<>();
        if (!toEngage.isEmpty()) {
            for (SenderKey sender : ChannelRoutes.senders(campaign)) {
                engagements.engage(sender, campaign.id(), toEngage).forEach(phone -> engagedElsewhere.putIfAbsent(phone, sender));
            }
        }
        List<NewRecipient> added = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            Optional<StatusReason> skip = skips.get(i);
            SenderKey taken = engagedElsewhere.get(contact.phone());
            if (skip.isEmpty() && taken != null) {
                skip = Optional.of(StatusReason.of(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN,
                        engagedElsewhere(taken, contact.phone()), true));
            }
            int binding = bindingOf[i];
            added.add(skip.map(reason -> NewRecipient.skipped(contact, now, reason))
                    .orElseGet(() -> NewRecipient.pending(contact, dueAt).onBinding(binding)));
        }
        List<Recipient> inserted = recipients.insertRecipients(campaign.id(), added, now);
        List<RecipientChange> skippedNow = new ArrayList<>();
        for (Recipient recipient : inserted) {
            if (recipient.state() == DeliveryState.SKIPPED) {
                Recipient before = recipient.withState(DeliveryState.PENDING, now);
                skippedNow.add(new RecipientChange(before, recipient));
            }
        }
        lifecycle.emit(skippedNow);
    }

    private static String conditions(Campaign campaign) {
        List<String> limits = new ArrayList<>();
        for (ChannelBinding binding : ChannelRoutes.bindings(campaign)) {
            limits.add(binding.sender().senderId() + " only for " + binding.onlyFor().map(c -> c.toText()).orElse("all"));
        }
        return String.join("; ", limits);
    }

    /**
     * The reason of a contact engaged elsewhere, naming the campaign that holds it so an operator can
     * finish that one (a campaign left ACTIVE by a crash keeps its contacts). One look-up per skipped
     * contact: skips are the exception, and the engagement port answers only which phones were taken.
     */
    private String engagedElsewhere(SenderKey sender, PhoneNumber phone) {
        return engagements.engagedCampaign(sender, phone)
                .map(holder -> phone + " is engaged in active campaign " + holder.value() + " on " + sender.senderId())
                .orElseGet(() -> phone + " was engaged in another active campaign on " + sender.senderId()
                        + " (released since)");
    }
}
