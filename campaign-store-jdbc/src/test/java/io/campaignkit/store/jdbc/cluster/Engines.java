package io.campaignkit.store.jdbc.cluster;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/** Engines wired to a JDBC store and an {@link InstantChannel}, and a campaign for them. */
final class Engines {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final String TENANT = "tenant-1";
    /** Permits a sender may bank: an engine run after a second of manual clock may send a second's worth at once. */
    static final int BURST = 1000;
    /** The campaigns' bot flow: a launch refuses a flow the engine does not know; no reply comes here. */
    static final String BOT_FLOW = "bot";

    private static final BotFlow SILENT_BOT = (context, message, reply) -> {};

    private Engines() {}

    static CampaignEngine engine(JdbcCampaignStore store, InstantChannel channel, Clock clock, String owner) {
        return CampaignEngine.builder()
                .store(store)
                .channel(channel)
                .botFlows(BotFlowRegistry.of(Map.of(BOT_FLOW, SILENT_BOT)))
                .clock(clock)
                .ownerId(owner)
                .senderBurst(BURST)
                .build();
    }

    /** Creates and launches a campaign sending to contacts 0 to {@code audience - 1} at {@code perSecond}. */
    static CampaignId launch(CampaignEngine engine, String id, int audience, int perSecond) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Cluster " + id)
                .botFlowId(BOT_FLOW)
                .channel(InstantChannel.ID, InstantChannel.SENDER)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("cluster.csv"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .deliveryPlan(DeliveryPlan.custom()
                        .pace(Pace.perSecond(perSecond).withBurst(perSecond))
                        .build())
                .build();
        CampaignId campaignId = CampaignId.of(id);
        engine.create(campaignId, TENANT, "project-1", CampaignKind.LIVE, configuration);
        engine.launch(campaignId, LaunchRequest.importedContacts(contacts(audience)));
        return campaignId;
    }

    /** Contacts 0 to {@code count - 1}, made as they are read (a large audience is never all in memory). */
    static List<Contact> contacts(int count) {
        return new AbstractList<>() {
            @Override
            public Contact get(int index) {
                return Contact.builder(PhoneNumber.parse(phone(index)))
                        .name("Contact " + index)
                        .build();
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    static String phone(int index) {
        return String.format("+5255%08d", 10_000_000 + index);
    }
}
