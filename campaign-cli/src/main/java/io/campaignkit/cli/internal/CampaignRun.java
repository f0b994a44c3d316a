package io.campaignkit.cli.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One campaign run end to end, as {@code run} and {@code demo} do it: import, create, launch, send
 * on a real scheduler while webhooks come in, wait, finish, summarize, write the reports. This is
 * the wiring a host application does; each step is one call into the library.
 */
final class CampaignRun {

    /** How long the engine's runner idles at most. */
    static final Duration RUNNER_MAX_IDLE = Duration.ofMillis(500);
    /** How often the simulated channel releases its due events. */
    static final Duration SIMULATED_EVENT_PERIOD = Duration.ofMillis(20);

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
     * @param contactRules the exclusivity scope, who is busy, and how long a busy contact is waited for
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
            Optional<LocalHours> localHours,
            ContactRules contactRules) {}

    private final CliContext context;
    private final Plan plan;
    private final RunStartOrTest startOrTest;
    private final RunCampaign campaign;
    private final StopSignal stop = new StopSignal(RunWaits.DRAIN_TIMEOUT.plusSeconds(30));
    private final RunWaits waits;
    /** The demo's: the first contact who replies is handed to a simulated agent (see {@link DemoHandoff}). */
    private boolean demoHandoff;

    CampaignRun(CliContext context, Plan plan) {
        this(context, plan, RunStartOrTest.NOW);
    }

    CampaignRun(CliContext context, Plan plan, RunStartOrTest startOrTest) {
        this.context = context;
        this.plan = plan;
        this.startOrTest = startOrTest;
        this.campaign = new RunCampaign(plan, startOrTest);
        this.waits = new RunWaits(context, stop, plan.listenAfterSends(), plan.waitForSimulatedEvents());
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
                .map(port -> CliWebhooks.start(
                        plan.bindAddress(),
                        port,
                        plan.publicUrl(),
                        (channelId, request) -> CliWebhooks.toEngine(engineRef.get(), channelId, request)))
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
            io.campaignkit.core.engine.CampaignEngineBuilder builder = engineBuilder(
                            cliStore.store(), adapter, plan.contactRules())
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
            // a schedule or a test: the campaign is created READY, then scheduled or tested
            CampaignId created = null;
            if (startOrTest.isTest() || startOrTest.startAt().isPresent()) {
                runner = CampaignRunner.start(engine, scheduler, RUNNER_MAX_IDLE);
                created = campaign.create(engine, RunCampaign.newId(), schema, null)
                        .id();
                if (startOrTest.isTest()) {
                    return startOrTest.sendTest(context, engine, created, stop);
                }
                Optional<Campaign> started = startOrTest.scheduleAndWait(context, engine, created, stop);
                if (started.isEmpty()) {
                    return CampaignKitCli.EXIT_OK;
                }
            }
            Campaign launched = created != null
                    ? engine.find(created).orElseThrow()
                    : campaign.create(engine, RunCampaign.newId(), schema, contacts);
            err.println("launched campaign " + launched.id() + " in " + cliStore.shownUrl() + " (" + contacts.size()
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
                stopped = waits.awaitSending(engine, launched.id(), progress);
                if (!stopped) {
                    stopped = waits.awaitWebhooks(engine, launched.id(), progress, simulated);
                }
            }
            if (stopped) {
                err.println("stopping: no new sends; waiting for those in flight to be recorded");
                RunWaits.stopSending(engine, launched.id());
            }
            Campaign done = RunWaits.awaitFinished(engine, engine.finish(launched.id()));
            runner.close();
            RunWaits.awaitCallbacks(engine, err); // the bots hear of the closed conversations before the summary
            if (done.isFinishing()) {
                err.println("sends still unanswered after " + RunWaits.DRAIN_TIMEOUT.toSeconds() + " s: campaign "
                        + done.id()
                        + " finishes when they are answered or their lease ends (at the next run on this store)");
            }
            if (server != null) {
                err.println(
                        "webhooks: " + server.acceptedCount() + " requests accepted on " + server.urlFor(channelId));
            }
            CampaignReport report = StoreReports.report(cliStore.store(), done, Instant.now());
            SummaryPrinter.print(context.out(), report.summary(), SummaryPrinter.unknownCauses(report));
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
            CampaignEngine built = engineRef.get();
            if (built != null) {
                RunWaits.awaitCallbacks(built, err); // before the store closes: the bots may write to it
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

    /**
     * The engine every command that sends or admits contacts builds on the store: {@code contactRules}
     * are the exclusivity scope and the busy contacts of {@code --exclusivity} and {@code --busy-contacts}.
     */
    static io.campaignkit.core.engine.CampaignEngineBuilder engineBuilder(
            JdbcCampaignStore store, ChannelAdapter adapter, ContactRules contactRules) {
        return contactRules.applyTo(CampaignEngine.builder()
                .store(store)
                // the pace and the sender's limit hold across every process sharing this database
                .pacingStore(JdbcPacingStore.on(store))
                .channel(adapter)
                .botFlows(BotFlowRegistry.of(Map.of(CliBot.BOT_FLOW_ID, new CliBot())))
                .phoneTimeZones(io.campaignkit.importer.CountryTimeZones.ofDefaults()) // --local-hours
                .clock(Clock.systemUTC()));
    }

    /** {@code run --dry-run}: what the run would do, nothing sent, engaged or kept. */
    int dryRun() {
        CustomDataSchema schema = AudienceFiles.schema(plan.fields());
        List<Contact> contacts = RunContacts.read(context, plan);
        try (CliStore store = CliStore.open(plan.storeUrl(), context)) {
            ChannelAdapter adapter = plan.channel().create().apply(Optional.empty());
            List<ChannelAdapter> more = plan.more().create(id -> Optional.empty());
            try {
                io.campaignkit.core.engine.CampaignEngineBuilder builder =
                        engineBuilder(store.store(), adapter, plan.contactRules());
                more.forEach(builder::channel);
                return DryRunReport.print(context, builder.build(), campaign.configuration(schema), contacts);
            } finally {
                adapter.close();
                MoreChannels.closeAll(more);
            }
        }
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
