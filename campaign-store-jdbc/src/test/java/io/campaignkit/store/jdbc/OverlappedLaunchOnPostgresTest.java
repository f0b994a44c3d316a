package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.time.ManualClock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code overlapLaunchBatches} on PostgreSQL, where each half of a batch runs on a connection of its own (the
 * recipients' {@code COPY} under the campaign row's lock, the next batch's engagements' insert): the launch
 * stores what a sequential launch of the same audience stores, in the same order, with the same states and
 * reasons (contacts held by another campaign, opted out, duplicated across batches).
 */
class OverlappedLaunchOnPostgresTest {

    private static final String BOT = "bot";
    private static final BotFlow SILENT = (context, message, reply) -> {};

    private final JdbcCampaignStore store = PostgresDatabase.freshStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anOverlappedLaunchStoresWhatASequentialLaunchStores() {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine sequential = engine(channel, clock, false);
        CampaignEngine overlapped = engine(channel, clock, true);
        List<Contact> audience = new ArrayList<>();
        for (int i = 0; i < 430; i++) {
            audience.add(contact(i));
        }
        audience.add(contact(7)); // in a later batch again: the store drops it
        for (String sender : List.of("seq", "ovl")) {
            sequential.create(CampaignId.of("held-" + sender), "t", "p", CampaignKind.LIVE, configuration(sender));
            sequential.launch(
                    CampaignId.of("held-" + sender), LaunchRequest.importedContacts(audience.subList(100, 130)));
        }
        for (int i = 200; i < 210; i++) {
            sequential.suppress(contact(i).phone(), Optional.empty());
        }
        sequential.create(CampaignId.of("seq"), "t", "p", CampaignKind.LIVE, configuration("seq"));
        overlapped.create(CampaignId.of("ovl"), "t", "p", CampaignKind.LIVE, configuration("ovl"));

        sequential.launch(CampaignId.of("seq"), LaunchRequest.importedContacts(audience));
        overlapped.launch(CampaignId.of("ovl"), LaunchRequest.importedContacts(audience));

        List<String> expected = stored(sequential, "seq");
        assertThat(expected).hasSize(430);
        assertThat(expected).filteredOn(row -> row.contains("SKIPPED")).hasSize(40);
        assertThat(stored(overlapped, "ovl")).containsExactlyElementsOf(expected);
    }

    private static List<String> stored(CampaignEngine engine, String campaign) {
        List<String> rows = new ArrayList<>();
        for (Recipient recipient : engine.recipients(CampaignId.of(campaign), -1, 1000)) {
            rows.add(recipient.sequence() + " " + recipient.phone() + " " + recipient.state() + " "
                    + recipient.outcome().map(outcome -> outcome.code()).orElse("-"));
        }
        return rows;
    }

    private CampaignEngine engine(SimulatedChannel channel, ManualClock clock, boolean overlap) {
        return CampaignEngine.builder()
                .store(store)
                .channel(channel)
                .clock(clock)
                .ownerId(overlap ? "overlapped" : "sequential")
                .botFlows(BotFlowRegistry.of(Map.of(BOT, SILENT)))
                .callbackExecutor(Runnable::run)
                .batchSize(50)
                .overlapLaunchBatches(overlap)
                .build();
    }

    private static Contact contact(int index) {
        return Contact.builder(PhoneNumber.parse(String.format("+5255%08d", 40_000_000 + index)))
                .build();
    }

    private static CampaignConfiguration configuration(String senderId) {
        return CampaignConfiguration.custom()
                .name("Overlap " + senderId)
                .botFlowId(BOT)
                .channel(SimulatedChannel.withClock(ManualClock.ofDefaults()).id(), senderId)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("list"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .build();
    }
}
