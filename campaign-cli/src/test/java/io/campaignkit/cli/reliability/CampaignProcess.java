package io.campaignkit.cli.reliability;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.whatsapp.WhatsAppCloudAdapterProvider;
import io.campaignkit.channel.whatsapp.WhatsAppCloudConfig;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.HandOverInterruptedException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The embedding application {@link KilledMidCampaignTest} kills: it keeps one campaign in PostgreSQL,
 * sends through the real WhatsApp Cloud adapter to a fake Graph API, listens for webhooks on a port of
 * its own, and hands the contacts' replies to a bot (or, once the campaign finishes, to the unrouted
 * handler), writing each hand-over, and each hand-over the engine reports interrupted by a kill, to a log. Started again on the same store after each kill, it creates or launches the campaign only
 * if no earlier process did, and launches it again with the same contacts when a killed process left
 * the launch half done (an imported list is only in the host's memory); the engine completes the rest.
 *
 * <p>Arguments: JDBC URL, Graph API URL, campaign id, audience size, hand-over log, process name,
 * clock shift in milliseconds, {@code finish} or {@code run}. Standard input takes {@code shift MILLIS}
 * (the test moves the clock out of and into the campaign's hours) and {@code finish}. Standard output
 * says {@code PORT n} once webhooks are listened for.
 */
public final class CampaignProcess {

    static final String PHONE_NUMBER_ID = "109876543210";
    static final String APP_SECRET = "kill-test-app-secret";
    static final String CHANNEL = "whatsapp-cloud";
    static final String BOT_FLOW = "kill-test-bot";
    /** The campaign's hours: closed from 20:00 to 08:00 UTC, when replies are queued. */
    static final String HOURS = "MON-SUN 08:00-20:00";

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final int PER_SECOND = 25;
    /** Short, so that what a killed process held is taken over within seconds. */
    static final Duration LEASE = Duration.ofSeconds(3);

    private CampaignProcess() {}

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        URI graphApi = URI.create(args[1]);
        CampaignId campaignId = CampaignId.of(args[2]);
        int audience = Integer.parseInt(args[3]);
        HandOverLog handOvers = new HandOverLog(Path.of(args[4]), args[5]);
        ShiftedClock clock = new ShiftedClock(Long.parseLong(args[6]));
        boolean finishRequested = args[7].equals("finish");

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(4);
        config.setPoolName(args[5]);
        HikariDataSource pool = new HikariDataSource(config);
        // the test migrated the schema before the first process started
        JdbcCampaignStore store =
                JdbcCampaignStore.builder().dataSource(pool).migrate(false).build();
        ChannelAdapter whatsApp = new WhatsAppCloudAdapterProvider()
                .create(WhatsAppCloudConfig.custom()
                        .phoneNumberId(PHONE_NUMBER_ID)
                        .accessToken(Secret.of("kill-test-token"))
                        .appSecret(Secret.of(APP_SECRET))
                        .verifyToken(Secret.of("kill-test-verify"))
                        .baseUrl(graphApi)
                        .build());
        java.util.concurrent.atomic.AtomicReference<CampaignEngine> engineRef =
                new java.util.concurrent.atomic.AtomicReference<>();
        CampaignEngine engine = CampaignEngine.builder()
                .store(store)
                .pacingStore(JdbcPacingStore.on(store))
                .channel(whatsApp)
                .botFlows(BotFlowRegistry.of(
                        Map.of(BOT_FLOW, (context, message, reply) -> handOvers.write("bot " + message.messageId()))))
                .unroutedMessages(UnroutedMessageHandler.withReasons(unrouted -> handOvers.write(
                        "unrouted " + unrouted.message().providerMessageId() + " " + unrouted.reason())))
                .listener(new CampaignListener() {
                    @Override
                    public void onEngineFailure(EngineFailure failure) {
                        if (failure.error() instanceof HandOverInterruptedException interrupted) {
                            // a killed process began handing this reply over: the bot may or may not have it
                            handOvers.write("interrupted " + interrupted.messageId());
                        }
                        if (failure.source().equals(EngineFailure.LAUNCH_INTERRUPTED)) {
                            // a killed process left the launch half done: an imported list lives in the
                            // host's memory only, so the host launches again with the same contacts
                            launchIfNobodyDid(engineRef.get(), campaignId, audience);
                        }
                    }
                })
                .clock(clock)
                .ownerId(args[5])
                .leaseDuration(LEASE)
                .build();
        engineRef.set(engine);

        HttpServer webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        webhooks.setExecutor(Executors.newFixedThreadPool(4));
        webhooks.createContext("/webhooks/" + CHANNEL, exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                URI url = URI.create(
                        "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + exchange.getRequestURI());
                WebhookResult result;
                try {
                    result = engine.handleWebhook(
                            CHANNEL,
                            WebhookRequest.of(
                                    exchange.getRequestMethod(),
                                    url,
                                    WebhookHeaders.of(exchange.getRequestHeaders()),
                                    body));
                } catch (RuntimeException failed) {
                    failed.printStackTrace(); // to the process's log: the provider posts it again
                    result = new WebhookResult(500, WebhookResult.TEXT_PLAIN, "failed", List.of());
                }
                exchange.sendResponseHeaders(result.status(), -1);
            }
        });
        webhooks.start();

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        launchIfNobodyDid(engine, campaignId, audience);
        CampaignRunner runner = CampaignRunner.start(engine, scheduler, Duration.ofMillis(200));
        // as a host would on LAUNCH_INTERRUPTED, and also when the launcher died before anyone saw it:
        // launching again continues a preparation without adding anyone twice
        scheduler.scheduleWithFixedDelay(
                () -> launchIfNobodyDid(engine, campaignId, audience), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        if (finishRequested) {
            finish(engine, campaignId);
        }
        System.out.println("PORT " + webhooks.getAddress().getPort());
        System.out.flush();

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.startsWith("shift ")) {
                clock.shift(Long.parseLong(command.substring("shift ".length()).strip()));
                runner.wakeUp();
            } else if (command.equals("finish")) {
                finish(engine, campaignId);
            }
        }
        System.exit(0); // the test closed our input: it is done with us
    }

    private static void launchIfNobodyDid(CampaignEngine engine, CampaignId id, int audience) {
        try {
            if (engine.find(id).isEmpty()) {
                engine.create(id, "tenant", "project", CampaignKind.LIVE, configuration());
            }
        } catch (CampaignKitException createdMeanwhile) {
            // the other process created it first
        }
        try {
            Campaign campaign = engine.find(id).orElseThrow();
            if (campaign.state() == CampaignState.READY
                    || campaign.state() == CampaignState.ACTIVE && campaign.isPreparing()) {
                engine.launch(id, LaunchRequest.importedContacts(contacts(audience)));
            }
        } catch (RuntimeException launchedMeanwhile) {
            // the other process is launching it; if it dies, the engine reports LAUNCH_INTERRUPTED
        }
    }

    private static void finish(CampaignEngine engine, CampaignId id) {
        try {
            if (engine.find(id)
                    .map(c -> c.state() == CampaignState.ACTIVE && !c.isFinishing())
                    .orElse(false)) {
                engine.finish(id);
            }
        } catch (CampaignKitException finishedMeanwhile) {
            // finished or finishing by the other process: the runner completes a finish under way
        }
    }

    static CampaignConfiguration configuration() {
        return CampaignConfiguration.custom()
                .name("Killed mid-campaign")
                .botFlowId(BOT_FLOW)
                .channel(CHANNEL, PHONE_NUMBER_ID)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("saldo", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("kill-test.csv"))
                .activeHours(ActiveHours.parse(HOURS, ZONE))
                .deliveryPlan(DeliveryPlan.custom()
                        .startOnLaunch()
                        .pace(Pace.perSecond(PER_SECOND).withBurst(PER_SECOND))
                        .build())
                .build();
    }

    static List<Contact> contacts(int audience) {
        List<Contact> contacts = new ArrayList<>(audience);
        for (int i = 0; i < audience; i++) {
            contacts.add(Contact.builder(PhoneNumber.parse(phone(i)))
                    .name("Contact " + i)
                    .build());
        }
        return contacts;
    }

    /** A Mexico City mobile number, E.164. */
    static String phone(int index) {
        return String.format("+5255%08d", 10_000_000 + index);
    }

    /** The system clock moved by a shift the test sets: real time passes, hours open and close on command. */
    private static final class ShiftedClock extends Clock {
        private volatile long shiftMillis;

        ShiftedClock(long shiftMillis) {
            this.shiftMillis = shiftMillis;
        }

        void shift(long millis) {
            shiftMillis = millis;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(shiftMillis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    /** One line per message handed to the host, written straight to the OS so a SIGKILL loses none. */
    static final class HandOverLog {
        private final FileOutputStream out;
        private final String process;

        HandOverLog(Path file, String process) {
            try {
                this.out = new FileOutputStream(file.toFile(), true);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            this.process = process;
        }

        synchronized void write(String line) {
            try {
                out.write((process + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }
}
