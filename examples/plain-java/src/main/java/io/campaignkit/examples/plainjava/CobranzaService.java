package io.campaignkit.examples.plainjava;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.whatsapp.WhatsAppCloudAdapter;
import io.campaignkit.channel.whatsapp.WhatsAppCloudConfig;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.host.WebhookEndpoint;
import io.campaignkit.host.WebhookServer;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportResult;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.report.ReportFormat;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain Java service that runs one collection campaign on WhatsApp Cloud: it reads the operator's
 * contact file, keeps everything in a database through a connection pool, listens for WhatsApp's
 * webhooks, answers replies with a bot, writes the report and stops cleanly. The README's "Use it"
 * section quotes {@link #run} exactly (PlainJavaExampleQuoteTest of campaign-cli checks it).
 */
public final class CobranzaService {

    /**
     * Where the service finds everything; {@link #fromEnvironment} reads it from the environment.
     *
     * @param jdbcUrl the database
     * @param graphApiUrl Meta's Graph API ({@code https://graph.facebook.com}; a fake one in tests)
     * @param phoneNumberId the WhatsApp phone-number id that sends
     * @param accessToken the Graph API token
     * @param appSecret the app secret webhooks are signed with
     * @param verifyToken the token of Meta's subscription check
     * @param contactsFile the operator's contact file (TSV, CSV or Excel)
     * @param campaignId the campaign: one per month, so a restart continues it rather than sending twice
     * @param hours when messages may go out, on Mexico City's clock ({@code MON-SAT 08:00-21:00})
     * @param webhookPort where WhatsApp's webhooks arrive
     * @param publicUrl how WhatsApp reaches this service (a tunnel or proxy), if not directly
     * @param listenAfterSends how long to keep taking statuses and replies once every message is sent
     * @param reportFile the HTML report to write
     */
    public record Settings(
            String jdbcUrl,
            URI graphApiUrl,
            String phoneNumberId,
            Secret accessToken,
            Secret appSecret,
            Secret verifyToken,
            Path contactsFile,
            String campaignId,
            String hours,
            int webhookPort,
            Optional<URI> publicUrl,
            Duration listenAfterSends,
            Path reportFile) {

        /**
         * The settings of a production run, from {@code CAMPAIGNKIT_*} environment variables.
         *
         * @param contactsFile the contact file
         * @return the settings
         */
        public static Settings fromEnvironment(Path contactsFile) {
            Map<String, String> env = System.getenv();
            return new Settings(
                    env.getOrDefault("CAMPAIGNKIT_JDBC_URL", "jdbc:h2:file:./cobranza-data/campaignkit"),
                    WhatsAppCloudConfig.DEFAULT_BASE_URL,
                    required(env, "CAMPAIGNKIT_WA_PHONE_NUMBER_ID"),
                    Secret.of(required(env, "CAMPAIGNKIT_WA_TOKEN")),
                    Secret.of(required(env, "CAMPAIGNKIT_WA_APP_SECRET")),
                    Secret.of(required(env, "CAMPAIGNKIT_WA_VERIFY_TOKEN")),
                    contactsFile,
                    "cobranza-" + java.time.YearMonth.now(ZoneId.of("America/Mexico_City")),
                    "MON-SAT 08:00-21:00",
                    8080,
                    Optional.ofNullable(env.get("CAMPAIGNKIT_PUBLIC_URL")).map(URI::create),
                    Duration.ofHours(24),
                    Path.of("cobranza-report.html"));
        }

        private static String required(Map<String, String> env, String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("set the environment variable " + name);
            }
            return value;
        }
    }

    private CobranzaService() {}

    /**
     * Runs the month's campaign: {@code java ... CobranzaService contacts.xlsx}.
     *
     * @param args the contact file
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CobranzaService <contacts file>");
            System.exit(2);
        }
        CampaignMetrics metrics = run(Settings.fromEnvironment(Path.of(args[0])));
        System.out.println("sent " + metrics.sent() + " of " + metrics.audience() + ", delivered " + metrics.delivered()
                + ", replied " + metrics.replied());
    }

    /**
     * Imports, launches (or continues) the campaign, waits until every message is sent and answered,
     * listens for statuses and replies a while longer, finishes it and writes the report.
     *
     * @param settings where everything is
     * @return the campaign's figures at the end
     * @throws IOException when the report cannot be written
     * @throws InterruptedException when the service is stopped while it listens
     */
    public static CampaignMetrics run(Settings settings) throws IOException, InterruptedException {
        // README:BEGIN
        // 1. Read the operator's file: every row is checked against the fields the message and the bot need.
        CustomDataSchema schema = CustomDataSchema.custom()
                .required("NOMBRE", FieldType.TEXT)
                .required("MONTO", FieldType.NUMBER)
                .build();
        ImportResult file = AudienceImporter.builder().schema(schema).build().importFile(settings.contactsFile());
        if (!file.accepted()) { // STRICT: one bad row refuses the file, each error names its row and column
            file.errors().forEach(e -> System.err.println("row " + e.row() + ", " + e.column() + ": " + e.message()));
            throw new IllegalArgumentException(settings.contactsFile() + " has invalid rows: nothing was sent");
        }
        List<Contact> contacts = file.contacts().stream()
                .map(row -> Contact.builder(row.phone())
                        .name(row.data().normalized("NOMBRE").orElse(null))
                        .customData(row.data())
                        .build())
                .toList();

        // 2. Wire once: the store on your pooled DataSource, the WhatsApp adapter, the bot that answers replies.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.jdbcUrl());
        try (HikariDataSource dataSource = new HikariDataSource(pool);
                JdbcCampaignStore store = JdbcCampaignStore.builder()
                        .dataSource(dataSource)
                        .tenant("acme")
                        .build();
                WhatsAppCloudAdapter whatsapp = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                        .baseUrl(settings.graphApiUrl())
                        .phoneNumberId(settings.phoneNumberId())
                        .accessToken(settings.accessToken())
                        .appSecret(settings.appSecret())
                        .verifyToken(settings.verifyToken())
                        .build())) {
            CampaignEngine engine = CampaignEngine.builder()
                    .storage(store.storage())
                    .channel(whatsapp)
                    .botFlows(BotFlowRegistry.of(Map.of(
                            "cobranza-bot",
                            (context, message, reply) -> reply.sendText("Tu saldo es "
                                    + context.customData().normalized("MONTO").orElse("?")))))
                    .build();

            // 3. Mount the webhook (POST and Meta's GET check on /webhooks/whatsapp-cloud) and run the engine.
            WebhookEndpoint webhooks =
                    WebhookEndpoint.forEngine(engine).route(whatsapp.id()).build();
            try (WebhookServer server =
                            WebhookServer.start(null, settings.webhookPort(), settings.publicUrl(), webhooks);
                    CampaignRunner runner = CampaignRunner.start(engine)) {

                // 4. Create the month's campaign unless a previous start did, and launch it once:
                //    20 messages a second, only inside the hours on Mexico City's clock.
                CampaignId id = CampaignId.of(settings.campaignId());
                Campaign campaign = engine.createIfAbsent(
                        id,
                        "acme",
                        "cobranza",
                        CampaignKind.LIVE,
                        CampaignConfiguration.custom()
                                .name("Cobranza " + settings.campaignId())
                                .botFlowId("cobranza-bot")
                                .channel(whatsapp.id(), settings.phoneNumberId())
                                .message(TemplateMessage.of(
                                        ChannelTemplate.of("saldo_pendiente", "es_MX", "Hola {{1}}, debes {{2}}"),
                                        Binding.contactName(),
                                        Binding.customField("MONTO")))
                                .audience(AudienceReference.importedList(
                                        settings.contactsFile().getFileName().toString()))
                                .schema(schema)
                                .activeHours(ActiveHours.parse(settings.hours(), ZoneId.of("America/Mexico_City")))
                                .deliveryPlan(DeliveryPlan.custom()
                                        .startOnLaunch()
                                        .pace(Pace.perSecond(20))
                                        .build())
                                .build());
                if (campaign.state() == CampaignState.READY) {
                    engine.launch(id, LaunchRequest.importedContacts(contacts));
                }

                // 5. Wait until every message is sent and answered, take statuses and replies a while
                //    longer, then finish: every conversation closes, every contact is released.
                runner.awaitSettled(id, Duration.ofDays(7));
                Thread.sleep(settings.listenAfterSends().toMillis());
                if (engine.find(id).orElseThrow().state() == CampaignState.ACTIVE) {
                    engine.finish(id);
                }
                engine.awaitCallbacks(Duration.ofSeconds(30)); // the bot hears of every closed conversation

                // 6. The report, streamed from the store: one self-contained HTML page.
                try (Writer out = Files.newBufferedWriter(settings.reportFile())) {
                    ReportFormat.HTML.write(CampaignReport.of(engine, id, Instant.now()), out);
                }
                return engine.metrics(id);
            }
        }
        // README:END
    }
}
