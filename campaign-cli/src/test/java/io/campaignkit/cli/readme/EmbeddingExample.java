package io.campaignkit.cli.readme;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The embedding example of the README, compiled and run by {@link EmbeddingExampleTest}. The lines
 * between the README markers must stand in README.md exactly (the test checks it).
 */
final class EmbeddingExample {

    private EmbeddingExample() {}

    static CampaignMetrics run(CampaignStorage storage, ChannelAdapter whatsapp, Path contactsFile) {
        // README:BEGIN
        // 1. Wire the engine once, at start-up: storage, channels, the bots that answer replies.
        CampaignEngine engine = CampaignEngine.builder()
                .storage(storage)      // in-memory in tests, JDBC in production: one port per aggregate
                .channel(whatsapp)     // any ChannelAdapter: WhatsApp Cloud, Twilio, your own
                .botFlows(BotFlowRegistry.of(Map.of("cobranza-bot", (context, message, reply) ->
                        reply.sendText("Tu saldo es " + context.customData().normalized("MONTO").orElse("?")))))
                .build();
        CampaignRunner runner = CampaignRunner.start(engine, Executors.newSingleThreadScheduledExecutor());

        // 2. Read the operator's file: every row validated against the fields the bot needs.
        CustomDataSchema schema = CustomDataSchema.custom()
                .required("NOMBRE", FieldType.TEXT).required("MONTO", FieldType.NUMBER).build();
        ImportResult file = AudienceImporter.builder().schema(schema).build().importFile(contactsFile);
        List<Contact> contacts = file.contacts().stream()
                .map(row -> Contact.builder(row.phone()).name(row.data().normalized("NOMBRE").orElse(null))
                        .customData(row.data()).build())
                .toList();

        // 3. Create the campaign and launch it: 20 messages/s, every day 08:00-21:00 at UTC-05:00.
        CampaignId id = CampaignId.of("cobranza-noviembre");
        engine.create(id, "acme", "cobranza", CampaignKind.LIVE, CampaignConfiguration.custom()
                .name("Cobranza noviembre")
                .botFlowId("cobranza-bot")
                .channel(whatsapp.id(), "109876543210")
                .message(TemplateMessage.of(ChannelTemplate.of("saldo_pendiente", "es_MX", "Hola {{1}}, debes {{2}}"),
                        Binding.contactName(), Binding.customField("MONTO")))
                .audience(new AudienceReference.ImportedList("noviembre.tsv"))
                .schema(schema)
                .build());
        engine.launch(id, LaunchRequest.importedContacts(contacts));

        // 4. Your HTTP layer hands each webhook call to the engine and writes back its answer:
        //    WebhookResult answer = engine.handleWebhook(whatsapp.id(), request);
        // 5. Finish when you are done: every conversation closes, every contact is released.
        engine.finish(id);
        CampaignMetrics metrics = engine.metrics(id);
        runner.close();
        // README:END
        return metrics;
    }
}
