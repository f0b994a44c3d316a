package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.internal.EngineCore;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionRecords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only queries of what the engine is doing for one tenant ({@link CampaignEngine#tenant}), so a
 * host, an operator's console or a test can check the engine's rules from outside: a contact's
 * engagement, the inbound messages waiting for the hours to open, the sends awaiting the channel.
 * Another tenant's campaign is reported as missing ({@link CampaignNotFoundException}) or not at
 * all: its existence is not this tenant's to know. Nothing here changes anything.
 */
public final class TenantView {

    private final String tenantId;
    private final EngineCore core;
    private final CampaignStorage ports;
    private final Optional<SuppressionRecords> suppressionRecords;

    TenantView(
            String tenantId, EngineCore core, CampaignStorage ports, Optional<SuppressionRecords> suppressionRecords) {
        this.tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
        this.core = core;
        this.ports = ports;
        this.suppressionRecords = suppressionRecords;
    }

    /** The tenant this view shows. */
    public String tenantId() {
        return tenantId;
    }

    /**
     * The campaign the contact is engaged in on the sender (the one its replies are routed to), if it
     * is one of this tenant's; empty when it is engaged in none, or in another tenant's.
     */
    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return ports.engagements()
                .engagedCampaign(sender, phone)
                .filter(id -> ports.campaigns().find(id).filter(this::isOwn).isPresent());
    }

    /**
     * The ACTIVE campaign of this tenant a message from {@code phone} to {@code sender} would be routed
     * to now, under every exclusivity scope: the one engaging the contact there, or under
     * {@link io.campaignkit.core.port.ExclusivityScope#NONE} the one that most recently messaged it; empty
     * when none would take it, or another tenant's would.
     */
    public Optional<CampaignId> replyCampaign(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return core.replyCampaign(sender, phone)
                .filter(id -> ports.campaigns().find(id).filter(this::isOwn).isPresent());
    }

    /**
     * A page of the inbound messages queued for the campaign (out of hours, policy QUEUE) and not yet
     * handed over, by arrival sequence after {@code afterSequence} (-1 for the first page).
     *
     * @param limit 1 to {@link io.campaignkit.core.port.CampaignStore#MAX_BATCH}
     * @throws CampaignNotFoundException when this tenant has no such campaign
     */
    public List<QueuedInbound> queuedInbound(CampaignId id, long afterSequence, int limit) {
        return ports.inbound().queuedInbound(own(id).id(), afterSequence, limit);
    }

    /**
     * How many sends of the campaign this engine has handed to the channel and awaits the answer of
     * ({@link CampaignEngine#inFlight()} counts them over every campaign). Other processes' sends are
     * not counted here: they show as {@code sending} in {@link CampaignEngine#metrics}.
     *
     * @throws CampaignNotFoundException when this tenant has no such campaign
     */
    public int inFlight(CampaignId id) {
        return core.inFlight(own(id).id());
    }

    /**
     * Whether the contact is suppressed on this tenant's senders, and why: its suppression on every sender
     * and those on the senders of the tenant's campaigns (in any state), with since when and the reason
     * recorded. Suppressions on other senders (other tenants') are not read.
     *
     * @throws io.campaignkit.core.CampaignKitException {@value CampaignEngine#NO_SUPPRESSION_RECORDS} when
     *     the storage keeps no {@link SuppressionRecords}
     */
    public SuppressionStatus suppression(PhoneNumber phone) {
        Arguments.requireNonNull(phone, "phone");
        SuppressionRecords records = suppressionRecords.orElseThrow(() -> new io.campaignkit.core.CampaignKitException(
                CampaignEngine.NO_SUPPRESSION_RECORDS,
                "the storage's suppression list keeps no records to read; give"
                        + " one with CampaignEngineBuilder.suppressionRecords"));
        List<SenderKey> senders = new ArrayList<>(senders());
        Set<Suppression> found = new LinkedHashSet<>(records.suppressionsOf(phone, List.of()));
        for (int from = 0; from < senders.size(); from += CampaignStore.MAX_BATCH) {
            found.addAll(records.suppressionsOf(
                    phone, senders.subList(from, Math.min(senders.size(), from + CampaignStore.MAX_BATCH))));
        }
        return new SuppressionStatus(tenantId, phone, List.copyOf(found));
    }

    /** The senders of the tenant's campaigns, read a page at a time. */
    private Set<SenderKey> senders() {
        Set<SenderKey> senders = new LinkedHashSet<>();
        Optional<CampaignQuery.Listing> page =
                Optional.of(CampaignQuery.Listing.of(tenantId).limit(CampaignPage.MAX_SIZE));
        while (page.isPresent()) {
            CampaignPage campaigns = CampaignPage.read(ports.campaigns(), page.get());
            campaigns.campaigns().forEach(campaign -> {
                campaign.configuration().channel().ifPresent(senders::add);
                campaign.configuration().channels().forEach(binding -> senders.add(binding.sender()));
            });
            page = campaigns.next();
        }
        return senders;
    }

    private Campaign own(CampaignId id) {
        Arguments.requireNonNull(id, "id");
        return ports.campaigns().find(id).filter(this::isOwn).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    private boolean isOwn(Campaign campaign) {
        return campaign.tenantId().equals(tenantId);
    }

    @Override
    public String toString() {
        return "TenantView[" + tenantId + "]";
    }
}
