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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exclusivity scope of each tenant ({@link ExclusivityPolicy}) put to work on the existing
 * {@link EngagementStore}, with no operation of its own:
 * <ul>
 *   <li>PER_SENDER engages the contact on the campaign's sender, as always;</li>
 *   <li>PER_CONTACT engages it first on the tenant's scope key ({@link #tenantKey}, a sender key no
 *       channel can have), which one campaign of the tenant holds at a time, then on the sender, by
 *       which replies find the campaign;</li>
 *   <li>NONE engages nothing; a reply finds the campaign that most recently messaged the contact on
 *       that sender ({@link #replyCampaign}).</li>
 * </ul>
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
        return taken;
    }

    /**
     * The other campaign that holds {@code phone} within the campaign's scope, if any: read-only, for
     * the dry run and the skip reason.
     */
    Optional<CampaignId> holder(Campaign campaign, SenderKey sender, PhoneNumber phone) {
        ExclusivityScope scope = scopeOf(campaign);
        if (scope == ExclusivityScope.NONE) {
            return Optional.empty();
        }
        if (scope == ExclusivityScope.PER_CONTACT) {
            Optional<CampaignId> tenantWide = engagements
                    .engagedCampaign(tenantKey(campaign.tenantId()), phone)
                    .filter(holder -> !holder.equals(campaign.id()));
            if (tenantWide.isPresent()) {
                return tenantWide;
            }
        }
        return engagements.engagedCampaign(sender, phone).filter(holder -> !holder.equals(campaign.id()));
    }

    /** The skip reason's sentence for a contact another campaign holds. */
    String heldElsewhere(Campaign campaign, SenderKey sender, PhoneNumber phone) {
        String where = scopeOf(campaign) == ExclusivityScope.PER_CONTACT
                ? "of tenant " + campaign.tenantId() + " (one active campaign per contact)"
                : "on " + sender.senderId();
        return holder(campaign, sender, phone)
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
