package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exclusivity scope of each tenant ({@link ExclusivityPolicy}) put to work on the existing
 * {@link EngagementStore}, with no operation of its own:
 * <ul>
 *   <li>PER_SENDER engages the contact on the campaign's sender, as always, and leaves it to a campaign
 *       of the tenant launched under PER_CONTACT that holds it (on the tenant's scope key);</li>
 *   <li>PER_CONTACT engages it first on the tenant's scope key ({@link #tenantKey}, a sender key no
 *       channel can have), which one campaign of the tenant holds at a time, then on the sender, by
 *       which replies find the campaign; and leaves it to any other active campaign of the tenant that
 *       holds it on another sender (one launched under PER_SENDER);</li>
 *   <li>NONE engages nothing; a reply finds the campaign that most recently messaged the contact on
 *       that sender ({@link #replyCampaign}). Campaigns under NONE hold no one, so no scope sees them.</li>
 * </ul>
 * Across scopes (a tenant that changed its scope while campaigns were active) each side writes its
 * engagements first and then reads the other's, so of two campaigns engaging one contact at once at
 * least one sees the other and skips it (both may: a contact is never in two, at worst in neither).
 * A skipped contact stays engaged where this campaign engaged it until the campaign finishes.
 * Finishing releases every engagement of a campaign, the scope key's included.
 */
final class Exclusivity {

    /** The channel type of the tenant-wide scope keys: no channel adapter's id can be it ({@code ChannelAdapter.ID_PATTERN}). */
    static final String TENANT_SCOPE = "*tenant";

    private static final int CAMPAIGN_PAGE = 100;

    private final ExclusivityPolicy policy;
    private final EngagementStore engagements;
    private final CampaignStore campaigns;
    private final RecipientStore recipients;

    Exclusivity(
            ExclusivityPolicy policy, EngagementStore engagements, CampaignStore campaigns, RecipientStore recipients) {
        this.policy = policy;
        this.engagements = engagements;
        this.campaigns = campaigns;
        this.recipients = recipients;
    }

    /** The key a PER_CONTACT tenant's campaigns engage contacts under, one per tenant. */
    static SenderKey tenantKey(String tenantId) {
        return SenderKey.of(TENANT_SCOPE, tenantId);
    }

    ExclusivityScope scopeOf(Campaign campaign) {
        ExclusivityScope scope = policy.scopeOf(campaign.tenantId());
        if (scope == null) {
            throw new IllegalStateException("the exclusivity policy gave no scope for tenant " + campaign.tenantId());
        }
        return scope;
    }

    /**
     * Engages {@code phones} with the campaign under its tenant's scope, on each of {@code senders} (a
     * campaign with several channels holds its contacts on every one of its senders, so a reply on any
     * of them finds it); answers those another campaign holds, each with the sender where it was found
     * held (the first sender for the tenant-wide key). A phone held on a later sender stays engaged on
     * the earlier ones until the campaign finishes: it is skipped here, never sent.
     */
    Map<PhoneNumber, SenderKey> engage(Campaign campaign, List<SenderKey> senders, List<PhoneNumber> phones) {
        ExclusivityScope scope = scopeOf(campaign);
        if (scope == ExclusivityScope.NONE || senders.isEmpty() || phones.isEmpty()) {
            return Map.of();
        }
        Map<PhoneNumber, SenderKey> taken = new HashMap<>();
        List<PhoneNumber> free = phones;
        if (scope == ExclusivityScope.PER_CONTACT) {
            Set<PhoneNumber> tenantWide = engagements.engage(tenantKey(campaign.tenantId()), campaign.id(), phones);
            tenantWide.forEach(phone -> taken.put(phone, senders.get(0)));
            free = phones.stream().filter(phone -> !tenantWide.contains(phone)).toList();
        }
        // held on the senders too, so replies find it; under PER_CONTACT another campaign there (launched
        // before the tenant changed its scope) keeps the contact, and this one holds the scope key until it finishes
        for (SenderKey sender : senders) {
            if (free.isEmpty()) {
                break;
            }
            Set<PhoneNumber> there = engagements.engage(sender, campaign.id(), free);
            there.forEach(phone -> taken.putIfAbsent(phone, sender));
            free = free.stream().filter(phone -> !there.contains(phone)).toList();
        }
        if (!free.isEmpty()) { // written first, read now: see the class comment
            heldAcrossScopes(campaign, scope, senders, free).forEach(taken::putIfAbsent);
        }
        return taken;
    }

    /**
     * Those of {@code phones} another campaign holds, as {@link #engage} would find them, without engaging
     * anyone: for the dry run. The same keys are read (the tenant's scope key under PER_CONTACT, then each
     * of {@code senders}), and then the same question across scopes ({@link #heldAcrossScopes}).
     */
    Set<PhoneNumber> heldAmong(Campaign campaign, List<SenderKey> senders, List<PhoneNumber> phones) {
        ExclusivityScope scope = scopeOf(campaign);
        if (scope == ExclusivityScope.NONE || senders.isEmpty() || phones.isEmpty()) {
            return Set.of();
        }
        List<SenderKey> keys = new ArrayList<>();
        if (scope == ExclusivityScope.PER_CONTACT) {
            keys.add(tenantKey(campaign.tenantId()));
        }
        keys.addAll(senders);
        Set<PhoneNumber> held = new HashSet<>();
        for (SenderKey key : keys) {
            engagements.engagedCampaigns(key, phones).forEach((phone, holder) -> {
                if (!holder.equals(campaign.id())) {
                    held.add(phone);
                }
            });
        }
        List<PhoneNumber> free =
                phones.stream().filter(phone -> !held.contains(phone)).toList();
        if (!free.isEmpty()) {
            held.addAll(heldAcrossScopes(campaign, scope, senders, free).keySet());
        }
        return held;
    }

    /**
     * Those of {@code phones} a campaign under the other scope holds, each with the sender of the skip
     * reason: under PER_CONTACT, another active campaign of the tenant on a sender this one does not send
     * from; under PER_SENDER, a PER_CONTACT campaign of the tenant on the tenant's scope key.
     */
    private Map<PhoneNumber, SenderKey> heldAcrossScopes(
            Campaign campaign, ExclusivityScope scope, List<SenderKey> senders, List<PhoneNumber> phones) {
        return scope == ExclusivityScope.PER_CONTACT
                ? heldOnOtherSenders(campaign, senders, phones)
                : heldTenantWide(campaign, senders.get(0), phones);
    }

    /** Those of {@code phones} a PER_CONTACT campaign of the tenant holds (skip reason at {@code sender}). */
    private Map<PhoneNumber, SenderKey> heldTenantWide(Campaign campaign, SenderKey sender, List<PhoneNumber> phones) {
        Map<PhoneNumber, SenderKey> held = new HashMap<>();
        engagements.engagedCampaigns(tenantKey(campaign.tenantId()), phones).forEach((phone, holder) -> {
            if (!holder.equals(campaign.id())) {
                held.put(phone, sender);
            }
        });
        return held;
    }

    /**
     * Those of {@code phones} another active campaign of the tenant holds on a sender this campaign does
     * not send from (on its own senders the engagement itself decided), each with that sender.
     */
    private Map<PhoneNumber, SenderKey> heldOnOtherSenders(
            Campaign campaign, List<SenderKey> senders, List<PhoneNumber> phones) {
        Map<SenderKey, Set<CampaignId>> others = otherSenders(campaign, senders);
        Map<PhoneNumber, SenderKey> held = new HashMap<>();
        others.forEach((sender, holders) -> engagements
                .engagedCampaigns(sender, phones)
                .forEach((phone, holder) -> {
                    if (holders.contains(holder)) {
                        held.putIfAbsent(phone, sender);
                    }
                }));
        return held;
    }

    /** The senders of the tenant's other active campaigns that are not among {@code senders}, with those campaigns. */
    private Map<SenderKey, Set<CampaignId>> otherSenders(Campaign campaign, List<SenderKey> senders) {
        Map<SenderKey, Set<CampaignId>> others = new HashMap<>();
        Optional<CampaignId> after = Optional.empty();
        List<Campaign> page;
        do {
            page = campaigns.findByState(CampaignState.ACTIVE, after, CAMPAIGN_PAGE);
            for (Campaign other : page) {
                if (other.id().equals(campaign.id()) || !other.tenantId().equals(campaign.tenantId())) {
                    continue;
                }
                for (SenderKey sender : ChannelRoutes.senders(other)) {
                    if (!senders.contains(sender)) {
                        others.computeIfAbsent(sender, key -> new HashSet<>()).add(other.id());
                    }
                }
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } while (page.size() == CAMPAIGN_PAGE);
        return others;
    }

    /** The campaign of the tenant other than {@code campaign} that holds the phone on the tenant's scope key. */
    private Optional<CampaignId> tenantWideHolder(Campaign campaign, PhoneNumber phone) {
        return engagements
                .engagedCampaign(tenantKey(campaign.tenantId()), phone)
                .filter(holder -> !holder.equals(campaign.id()));
    }

    /** The skip reason's sentence for a contact another campaign holds ({@code sender}: where it was found held). */
    String heldElsewhere(Campaign campaign, SenderKey sender, PhoneNumber phone) {
        String perContact = "of tenant " + campaign.tenantId() + " (one active campaign per contact)";
        Optional<CampaignId> tenantWide = tenantWideHolder(campaign, phone);
        if (tenantWide.isPresent()) {
            return phone + " is engaged in active campaign " + tenantWide.get().value() + " " + perContact;
        }
        String where =
                "on " + sender.senderId() + (scopeOf(campaign) == ExclusivityScope.PER_CONTACT ? " " + perContact : "");
        return engagements
                .engagedCampaign(sender, phone)
                .filter(holder -> !holder.equals(campaign.id()))
                .map(holder -> phone + " is engaged in active campaign " + holder.value() + " " + where)
                .orElseGet(() -> phone + " was engaged in another active campaign " + where + " (released since)");
    }

    /**
     * The ACTIVE campaign a message from {@code phone} to {@code sender} belongs to: the one engaging
     * the contact there; else, where a tenant's scope is NONE, the campaign whose message the contact
     * answered ({@code replyTo}, the provider id of the message quoted or whose button was tapped), else
     * the active campaign on that sender that most recently messaged the contact.
     */
    Optional<Campaign> replyCampaign(SenderKey sender, PhoneNumber phone, Optional<String> replyTo) {
        Optional<Campaign> engaged = engagements
                .engagedCampaign(sender, phone)
                .flatMap(campaigns::find)
                .filter(c -> c.state() == CampaignState.ACTIVE);
        boolean noTenantWithoutExclusivity =
                policy instanceof ExclusivityPolicy.EveryTenant fixed && fixed.scope() != ExclusivityScope.NONE;
        if (engaged.isPresent() || noTenantWithoutExclusivity) {
            return engaged;
        }
        Optional<Campaign> answered = replyTo.flatMap(recipients::findByProviderMessageId)
                .filter(r -> r.phone().equals(phone))
                .flatMap(r -> campaigns.find(r.campaignId()))
                .filter(c -> routesUnderNone(c, sender));
        return answered.isPresent() ? answered : mostRecentlyMessaging(sender, phone);
    }

    /** An active campaign of a NONE tenant on {@code sender}, not finishing: one a reply may go to. */
    private boolean routesUnderNone(Campaign campaign, SenderKey sender) {
        return campaign.state() == CampaignState.ACTIVE
                && !campaign.isFinishing()
                && ChannelRoutes.senders(campaign).contains(sender)
                && scopeOf(campaign) == ExclusivityScope.NONE;
    }

    /** A candidate of the NONE scope's routing, with the time its campaign last messaged the contact. */
    private record Candidate(Campaign campaign, Optional<Instant> messagedAt, Instant changedAt) {}

    private static final Comparator<Candidate> MOST_RECENT = Comparator.comparing(
                    (Candidate c) -> c.messagedAt().isPresent())
            .thenComparing(c -> c.messagedAt().orElse(Instant.MIN))
            .thenComparing(Candidate::changedAt)
            .thenComparing(c -> c.campaign().id().value());

    private Optional<Campaign> mostRecentlyMessaging(SenderKey sender, PhoneNumber phone) {
        List<Candidate> candidates = new ArrayList<>();
        Optional<CampaignId> after = Optional.empty();
        List<Campaign> page;
        do {
            page = campaigns.findByState(CampaignState.ACTIVE, after, CAMPAIGN_PAGE);
            for (Campaign campaign : page) {
                if (!routesUnderNone(campaign, sender)) {
                    continue;
                }
                recipients
                        .findRecipient(new RecipientKey(campaign.id(), phone))
                        .filter(r -> r.state() != DeliveryState.SKIPPED)
                        .ifPresent(r -> candidates.add(new Candidate(campaign, messagedAt(r), r.updatedAt())));
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } while (page.size() == CAMPAIGN_PAGE);
        return candidates.stream().max(MOST_RECENT).map(Candidate::campaign);
    }

    /**
     * When the campaign messaged the contact: the provider's acceptance; for a send whose answer is
     * unknown or still to come, when it was handed to the channel (its last change).
     */
    private static Optional<Instant> messagedAt(Recipient recipient) {
        if (recipient.sentAt().isPresent()) {
            return recipient.sentAt();
        }
        return recipient.state() == DeliveryState.SENDING || recipient.state() == DeliveryState.UNKNOWN
                ? Optional.of(recipient.updatedAt())
                : Optional.empty();
    }
}
