package io.campaignkit.cli.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.Violation;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.host.WebhookEndpoint;
import io.campaignkit.host.WebhookServer;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One campaign run end to end, as {@code run} and {@code demo} do it: import, create, launch, send
 * on a real scheduler while webhooks come in, wait, finish, summarize, write the reports. This is
 * the wiring a host application does; each step is one call into the library.
 */
final class CampaignRun {

    static final String PROJECT = "cli";
    /** How often progress is polled, and how long the engine's runner idles at most. */
    static final Duration TICK = Duration.ofMillis(100);

    static final Duration RUNNER_MAX_IDLE = Duration.ofMillis(500);
    /** How often the simulated channel releases its due events. */
    static final Duration SIMULATED_EVENT_PERIOD = Duration.ofMillis(20);
    /** How long a stopped run waits for sends in flight to be answered and recorded. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Everything a run needs, checked.
     *
     * @param webhookPort listen for webhooks on this port (0: any free one), if present
     * @param bindAddress the address to listen on (null: every interface)
     * @param waitForSimulatedEvents stop waiting as soon as the simulated channel has no event left
     * @param reports the report files to write; none: {@code <campaign id>.csv} in the working directory
     * @param storeUrl the JDBC URL of the store the campaign is kept in
     * @param more the channels after the first, their message and the timed fallback
     * @param localHours the active hours read on each recipient's clock, when asked
     */
    record Plan(
            Path contacts,
            List<FieldDefinition> fields,
            List<TagColumn> tags,
            AudienceOptions audience,
            boolean lenient,
            TemplateMessage message,
            ChannelSetup channel,
            Pace pace,
            ActiveHours hours,
            Optional<Integer> webhookPort,
            InetAddress bindAddress,
            Optional<URI> publicUrl,
            Duration listenAfterSends,
            boolean waitForSimulatedEvents,
            List<Path> reports,
            String name,
            String storeUrl,
            MoreChannels more,
            Optional<LocalHours> localHours) {}

    private final CliContext context;
    private final Plan plan;
    private final RunStartOrTest startOrTest;
    private final StopSignal stop = new StopSignal(DRAIN_TIMEOUT.plusSeconds(30));
    /** The demo's: the first contact who replies is handed to a simulated agent (see {@link DemoHandoff}). */
    private boolean demoHandoff;

    CampaignRun(CliContext context, Plan plan) {
        this(context, plan, RunStartOrTest.NOW);
    }

    CampaignRun(CliContext context, Plan plan, RunStartOrTest startOrTest) {
        this.context = context;
        this.plan = plan;
        this.startOrTest = startOrTest;
    }

    /** This run shows a handoff from the bot to a simulated agent, as the demo does. */
    CampaignRun withDemoHandoff() {
        demoHandoff = true;
        return this;
    }

    int execute() {
        CustomDataSchema schema = AudienceFiles.schema(plan.fields());
        List<Contact> contacts = RunContacts.read(context, plan);
        try (CliStore store = CliStore.open(plan.storeUrl(), context);
                H2Sharing.Served shared = store.shareWithOtherProcesses()) {
            return execute(schema, contacts, store);
        }
    }

    private int execute(CustomDataSchema schema, List<Contact> contacts, CliStore cliStore) {
        PrintWriter err = context.err();

        AtomicReference<CampaignEngine> engineRef = new AtomicReference<>();
        WebhookServer server = plan.webhookPort()
                .map(port -> startWebhooks(port, (channelId, request) -> toEngine(engineRef.get(), channelId, request)))
                .orElse(null);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemonThreads());
        ChannelAdapter adapter = null;
        List<ChannelAdapter> moreAdapters = List.of();
        CampaignRunner runner = null;
        try {
            String channelId = plan.channel().sender().channelType();
            Optional<URI> webhookUrl = server != null
                    ? Optional.of(server.urlFor(channelId))
                    : plan.publicUrl().map(base -> WebhookEndpoint.routeUrl(base, channelId));
            adapter = plan.channel().create().apply(webhookUrl);
            moreAdapters = plan.more()
                    .create(id -> server != null
                            ? Optional.of(server.urlFor(id))
                            : plan.publicUrl().map(base -> WebhookEndpoint.routeUrl(base, id)));
            if (server != null) {
                err.println("listening for webhooks on " + server.urlFor(channelId));
            }
            DemoHandoff handoff = demoHandoff ? new DemoHandoff(cliStore.store(), Clock.systemUTC()) : null;
            io.campaignkit.core.engine.CampaignEngineBuilder builder = engineBuilder(cliStore.store(), adapter)
                    .audienceSource(RunStartOrTest.source(plan.contacts(), contacts))
                    .contactDirectory(new ImportedDirectory(contacts));
            moreAdapters.forEach(builder::channel);
            Optional.ofNullable(handoff).ifPresent(demo -> builder.botFlows(demo.botFlows()));
            CampaignEngine engine = builder.build();
            engineRef.set(engine);
            SimulatedEvents simulated = null;
            for (ChannelAdapter each : java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(adapter), moreAdapters.stream())
                    .toList()) {
                if (each instanceof SimulatedChannel channel) {
                    channel.deliverWebhooksTo(
                            server != null
                                    ? new WebhookPoster()::post
                                    : request -> engine.handleWebhook(channel.id(), request));
                    SimulatedEvents events = new SimulatedEvents(channel);
                    scheduler.scheduleWithFixedDelay(
                            () -> releaseEvents(events), 0, SIMULATED_EVENT_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                    simulated = simulated == null ? events : simulated; // the first channel's settle the wait
                }
            }

            if (context.ownsProcess()
                    && (startOrTest.isTest() || startOrTest.startAt().isPresent())) {
                stop.installHook();
            }
            if (startOrTest.isTest() || startOrTest.startAt().isPresent()) {
                runner = CampaignRunner.start(engine, scheduler, RUNNER_MAX_IDLE);
                CampaignId created = create(engine, schema);
                if (startOrTest.isTest()) {
                    return startOrTest.sendTest(context, engine, created, stop);
                }
                Optional<Campaign> started = startOrTest.scheduleAndWait(context, engine, created, stop);
                if (started.isEmpty()) {
                    return CampaignKitCli.EXIT_OK;
                }
            }
            Campaign campaign = startOrTest.startAt().isPresent() || startOrTest.isTest()
                    ? engine.find(engineCampaign).orElseThrow()
                    : createAndLaunch(engine, schema, contacts);
            err.println("launched campaign " + campaign.id() + " in " + cliStore.shownUrl() + " (" + contacts.size()
                    + " contacts, " + plan.pace()
                    + ", hours " + plan.hours().toText() + " "
                    + (plan.localHours().isPresent() ? "local" : plan.hours().zone())
                    + ")");
            if (context.ownsProcess() && startOrTest.startAt().isEmpty()) {
                stop.installHook();
            }
            Instant now = Instant.now();
            if (plan.localHours().isEmpty() && !plan.hours().isOpenAt(now)) {
                err.println("outside the active hours: sending starts at "
                        + plan.hours().nextOpening(now).map(Instant::toString).orElse("(never)") + "; Ctrl-C stops");
            }
            if (runner == null) {
                runner = CampaignRunner.start(engine, scheduler, RUNNER_MAX_IDLE);
            }

            boolean stopped;
            try (ProgressView progress = ProgressView.forContext(context, contacts.size())) {
                stopped = awaitSending(engine, campaign.id(), progress);
                if (!stopped) {
                    stopped = awaitWebhooks(engine, campaign.id(), progress, simulated);
                }
            }
            if (stopped) {
                err.println("stopping: no new sends; waiting for those in flight to be recorded");
                pauseQuietly(engine, campaign.id());
                drain(engine);
            }
            Campaign done = awaitFinished(engine, engine.finish(campaign.id()));
            runner.close();
            if (done.isFinishing()) {
                err.println("sends still unanswered after " + DRAIN_TIMEOUT.toSeconds() + " s: campaign " + done.id()
                        + " finishes when they are answered or their lease ends (at the next run on this store)");
            }
            if (server != null) {
                err.println(
                        "webhooks: " + server.acceptedCount() + " requests accepted on " + server.urlFor(channelId));
            }
            CampaignReport report = StoreReports.report(cliStore.store(), done, Instant.now());
            SummaryPrinter.print(context.out(), report.summary(), unknownCauses(report));
            if (handoff != null) {
                handoff.printSummary(context.out(), done.id());
            }
            List<Path> reports =
                    plan.reports().isEmpty() ? List.of(Path.of(done.id().value() + ".csv")) : plan.reports();
            for (Path file : reports) {
                ReportFiles.write(report, file);
                context.out().println("report: " + file.toAbsolutePath().normalize());
            }
            context.out().println("store: " + cliStore.shownUrl());
            context.out().flush();
            return CampaignKitCli.EXIT_OK;
        } finally {
            if (runner != null) {
                runner.close();
            }
            scheduler.shutdownNow();
            if (server != null) {
                server.close();
            }
            if (adapter != null) {
                adapter.close();
            }
            MoreChannels.closeAll(moreAdapters);
            stop.close();
        }
    }

    /** The campaign this run created, once it is created. */
    private CampaignId engineCampaign;

    /** Creates the run's campaign, READY, to be scheduled or tested. */
    private CampaignId create(CampaignEngine engine, CustomDataSchema schema) {
        createAndLaunch(engine, schema, null);
        return engineCampaign;
    }

    static io.campaignkit.core.engine.CampaignEngineBuilder engineBuilder(
            JdbcCampaignStore store, ChannelAdapter adapter) {
        return CampaignEngine.builder()
                .store(store)
                // the pace and the sender's limit hold across every process sharing this database
                .pacingStore(JdbcPacingStore.on(store))
                .channel(adapter)
                .botFlows(BotFlowRegistry.of(Map.of(CliBot.BOT_FLOW_ID, new CliBot())))
                .phoneTimeZones(io.campaignkit.importer.CountryTimeZones.ofDefaults()) // --local-hours
                .clock(Clock.systemUTC());
    }

    /** {@code run --dry-run}: what the run would do, nothing sent, engaged or kept. */
    int dryRun() {
        CustomDataSchema schema = AudienceFiles.schema(plan.fields());
        List<Contact> contacts = RunContacts.read(context, plan);
        try (CliStore store = CliStore.open(plan.storeUrl(), context)) {
            ChannelAdapter adapter = plan.channel().create().apply(Optional.empty());
            List<ChannelAdapter> more = plan.more().create(id -> Optional.empty());
            try {
                io.campaignkit.core.engine.CampaignEngineBuilder builder = engineBuilder(store.store(), adapter);
                more.forEach(builder::channel);
                return DryRunReport.print(context, builder.build(), configuration(schema), contacts);
            } finally {
                adapter.close();
                MoreChannels.closeAll(more);
            }
        }
    }

    private CampaignConfiguration configuration(CustomDataSchema schema) {
        CampaignConfiguration.Builder configuration = plan.more()
                .configure(CampaignConfiguration.custom()
                        .name(plan.name())
                        .botFlowId(CliBot.BOT_FLOW_ID)
                        .channel(plan.channel().sender())
                        .message(plan.message()))
                .audience(startOrTest.audience(plan.contacts()))
                .schema(schema)
                .activeHours(plan.hours())
                .deliveryPlan(
                        DeliveryPlan.custom().startOnLaunch().pace(plan.pace()).build());
        plan.localHours().ifPresent(configuration::localHours);
        return configuration.build();
    }

    private Campaign createAndLaunch(CampaignEngine engine, CustomDataSchema schema, List<Contact> contacts) {
        CampaignConfiguration configuration = configuration(schema);
        CampaignId id = newId();
        engineCampaign = id;
        try {
            Campaign created = engine.create(id, CliStore.TENANT, PROJECT, CampaignKind.LIVE, configuration);
            if (created.state() != CampaignState.READY) {
                throw new CliException(
                        CampaignKitCli.EXIT_INVALID,
                        "the campaign cannot be launched: "
                                + describe(created.validation().violations()));
            }
            return contacts == null ? created : engine.launch(id, LaunchRequest.importedContacts(contacts));
        } catch (io.campaignkit.core.campaign.CampaignValidationException invalid) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "the campaign cannot be launched: " + describe(invalid.violations()),
                    invalid);
        } catch (CampaignKitException refused) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "the campaign cannot be launched: " + refused.code() + ": " + refused.getMessage(),
                    refused);
        }
    }

    /**
     * One pass over the recipients, only when some sends got no usable answer: what the provider
     * did to each (timed out, lost the connection, answered garbage), as the head of the adapter's
     * message (up to its first colon or semicolon, where the variable details start).
     */
    private static Map<String, Long> unknownCauses(CampaignReport report) {
        Map<String, Long> counts = new java.util.HashMap<>();
        if (report.summary().unknown() > 0) {
            report.rows().forEachRow(row -> {
                if (row.status().equals("UNKNOWN")) {
                    String message = row.errorMessage().orElse("no message");
                    String head = message.split("[:;]", 2)[0].strip();
                    counts.merge(head.length() > 80 ? head.substring(0, 80) + "…" : head, 1L, Long::sum);
                }
            });
        }
        return counts;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.code() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }

    static CampaignId newId() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return CampaignId.of("cli-" + stamp + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
    }

    /** Until every recipient is settled (or the run is stopped); true when stopped. */
    private boolean awaitSending(CampaignEngine engine, CampaignId id, ProgressView progress) {
        while (true) {
            CampaignMetrics metrics = engine.metrics(id);
            progress.update(metrics);
            if (metrics.pending() == 0 && metrics.sending() == 0 && engine.inFlight() == 0) {
                return false;
            }
            if (stop.awaitStop(TICK)) {
                return true;
            }
        }
    }

    /**
     * Keeps listening for status webhooks and replies for {@code --wait}; true when stopped. On the
     * simulated channel it stops as soon as every simulated event is delivered and recorded (not
     * merely taken off the channel's queue), so the campaign is finished after the last of them and
     * one seed gives one outcome per contact, however slow the webhooks are.
     */
    private boolean awaitWebhooks(
            CampaignEngine engine, CampaignId id, ProgressView progress, SimulatedEvents simulated) {
        Instant deadline = Instant.now().plus(plan.listenAfterSends());
        while (Instant.now().isBefore(deadline)) {
            progress.update(engine.metrics(id));
            if (plan.waitForSimulatedEvents() && simulated != null && simulated.settled()) {
                return false;
            }
            if (stop.awaitStop(TICK)) {
                return true;
            }
        }
        progress.update(engine.metrics(id));
        if (plan.waitForSimulatedEvents() && simulated != null && !simulated.settled()) {
            context.err()
                    .println("stopped waiting after " + plan.listenAfterSends().toSeconds()
                            + " s with simulated events still on their way; they are not in the reports");
        }
        return false;
    }

    private static void pauseQuietly(CampaignEngine engine, CampaignId id) {
        try {
            engine.pause(id);
        } catch (CampaignKitException notSending) {
            // done sending already: nothing to pause
        }
    }

    /** Waits, bounded, until the channel answered every send in flight, so each is recorded. */
    /** finish() leaves the campaign FINISHING while sends are in flight; the runner finishes it as their answers come. */
    private static Campaign awaitFinished(CampaignEngine engine, Campaign finishing) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        Campaign now = finishing;
        while (now.isFinishing()
                && Instant.now().isBefore(deadline)
                && !Thread.currentThread().isInterrupted()) {
            StopSignal.pause(TICK);
            now = engine.find(finishing.id()).orElse(now);
        }
        return now;
    }

    private static void drain(CampaignEngine engine) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (engine.inFlight() > 0
                && Instant.now().isBefore(deadline)
                && !Thread.currentThread().isInterrupted()) {
            StopSignal.pause(TICK);
        }
    }

    /** The CLI's webhook routes: WhatsApp's subscription check is a GET; the other channels' webhooks are POSTs. */
    static WebhookEndpoint endpoint(java.util.function.BiFunction<String, WebhookRequest, WebhookResult> handler) {
        return WebhookEndpoint.custom(handler)
                .route("whatsapp-cloud")
                .route("twilio", java.util.Set.of("POST"))
                .route("simulated", java.util.Set.of("POST"))
                .route("simulated-sms", java.util.Set.of("POST"))
                .build();
    }

    private WebhookServer startWebhooks(
            int port, java.util.function.BiFunction<String, WebhookRequest, WebhookResult> handler) {
        try {
            return WebhookServer.start(plan.bindAddress(), port, plan.publicUrl(), endpoint(handler));
        } catch (java.io.UncheckedIOException e) {
            throw CliException.usage(e.getMessage() + "; pick another --webhook-port", e);
        }
    }

    static WebhookResult toEngine(CampaignEngine engine, String channelId, WebhookRequest request) {
        if (engine == null) {
            return new WebhookResult(503, WebhookResult.TEXT_PLAIN, "starting", List.of());
        }
        return engine.handleWebhook(channelId, request);
    }

    private void releaseEvents(SimulatedEvents simulated) {
        try {
            simulated.release();
        } catch (RuntimeException e) {
            if (context.debug()) {
                e.printStackTrace(context.err());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "campaignkit-engine-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
