package io.campaignkit.example;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignPage;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.report.CampaignReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** What the console and the REST API do with campaigns: both call this, nothing else. */
@Service
public class CampaignOperations {

    /** The tenant and project of every campaign of this single-company example. */
    public static final String TENANT = "example";

    public static final String PROJECT = "console";
    /** Pace of a campaign created without one. */
    public static final int DEFAULT_PER_SECOND = 20;

    /**
     * What the operator asks for.
     *
     * @param name the campaign's name
     * @param uploadId the accepted contact file
     * @param text the message, with {{1}} for the contact's name and {{2}} for MONTO
     * @param perSecond messages per second; {@value #DEFAULT_PER_SECOND} when null
     * @param startAt when to start sending; now when null
     */
    public record NewCampaign(String name, String uploadId, String text, Integer perSecond, Instant startAt) {}

    private final CampaignEngine engine;
    private final ContactUploads uploads;
    private final String channelId;
    private final String senderId;
    private final Map<CampaignId, String> uploadOf = new ConcurrentHashMap<>();

    public CampaignOperations(
            CampaignEngine engine,
            ContactUploads uploads,
            @Value("${example.channel:simulated}") String channelId,
            @Value("${example.sender:5215500000000}") String senderId) {
        this.engine = engine;
        this.uploads = uploads;
        // the starter keeps projects: every campaign of this example goes into one, made at the first start
        if (engine.projects().find(TENANT, PROJECT).isEmpty()) {
            engine.projects().create(TENANT, PROJECT, "Console");
        }
        this.channelId = channelId;
        this.senderId = senderId;
    }

    /** Creates a READY campaign for an accepted upload. */
    public Campaign create(NewCampaign request) {
        uploads.contacts(request.uploadId()); // refuses an unknown upload before anything is stored
        String text =
                request.text() == null || request.text().isBlank() ? "Hola {{1}}, tu saldo es {{2}}" : request.text();
        List<Binding> bindings = new ArrayList<>();
        if (text.contains("{{1}}")) {
            bindings.add(Binding.contactName("cliente"));
        }
        if (text.contains("{{2}}")) {
            bindings.add(Binding.customField("MONTO"));
        }
        DeliveryPlan.Builder plan = DeliveryPlan.custom()
                .pace(Pace.perSecond(request.perSecond() == null ? DEFAULT_PER_SECOND : request.perSecond()));
        if (request.startAt() != null) {
            plan.startAt(request.startAt());
        }
        CampaignId id = CampaignId.random();
        Campaign campaign = engine.create(
                id,
                TENANT,
                PROJECT,
                CampaignKind.LIVE,
                CampaignConfiguration.custom()
                        .name(request.name() == null || request.name().isBlank() ? "Campaign" : request.name())
                        .botFlowId(ExampleApplication.BOT)
                        .channel(channelId, senderId)
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("saldo", "es_MX", text), bindings.toArray(Binding[]::new)))
                        .audience(AudienceReference.importedList(request.uploadId()))
                        .schema(ContactUploads.SCHEMA)
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                        .deliveryPlan(plan.build())
                        .build());
        uploadOf.put(id, request.uploadId());
        return campaign;
    }

    /** Plans the start of a READY campaign and launches it: it sends from {@code startAt}. */
    public Campaign schedule(CampaignId id, Instant startAt) {
        engine.edit(
                id,
                config -> config.deliveryPlan(DeliveryPlan.custom()
                        .pace(engine.find(id)
                                .orElseThrow()
                                .configuration()
                                .deliveryPlan()
                                .pace())
                        .startAt(startAt)
                        .build()));
        return launch(id);
    }

    public Campaign launch(CampaignId id) {
        String upload = uploadOf.get(id);
        if (upload == null) {
            throw new IllegalArgumentException("campaign " + id.value() + " has no contact file in this process: "
                    + "create it again with a new upload");
        }
        return engine.launch(id, LaunchRequest.importedContacts(uploads.contacts(upload)));
    }

    public Campaign pause(CampaignId id) {
        return engine.pause(id);
    }

    public Campaign resume(CampaignId id) {
        return engine.resume(id);
    }

    public Campaign finish(CampaignId id) {
        return engine.finish(id);
    }

    public Optional<Campaign> find(CampaignId id) {
        return engine.find(id);
    }

    /** Every campaign of the example's tenant, newest first, read from the engine a page at a time. */
    public List<Campaign> list() {
        List<Campaign> all = new ArrayList<>();
        Optional<CampaignQuery.Listing> page =
                Optional.of(CampaignQuery.Listing.of(TENANT).limit(CampaignPage.MAX_SIZE));
        while (page.isPresent()) {
            CampaignPage campaigns = engine.campaigns(page.get());
            all.addAll(campaigns.campaigns());
            page = campaigns.next();
        }
        all.sort(Comparator.comparing(Campaign::createdAt).reversed());
        return all;
    }

    /**
     * The campaign's report (the library's {@code campaign-report}, read from the engine's export a page at
     * a time), its rows filtered by state and error code when given (blank: all).
     */
    public CampaignReport report(CampaignId id, String state, String error) {
        CampaignReport full = CampaignReport.of(engine, id, engine.clock().instant());
        return new CampaignReport(
                full.summary(),
                full.fields(),
                action -> full.rows().forEachRow(row -> {
                    boolean stateMatches =
                            state == null || state.isBlank() || row.status().equalsIgnoreCase(state);
                    boolean errorMatches = error == null
                            || error.isBlank()
                            || row.errorCode()
                                    .map(code -> code.equalsIgnoreCase(error))
                                    .orElse(false);
                    if (stateMatches && errorMatches) {
                        action.accept(row);
                    }
                }));
    }
}
