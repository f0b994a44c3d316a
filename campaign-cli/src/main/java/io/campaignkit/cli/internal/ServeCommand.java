package io.campaignkit.cli.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.Unscheduling;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.host.WebhookServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit serve --store URL --channel C [--webhook-port P]}: a long-running engine on a
 * store. It launches every scheduled campaign of the store at its start (any number of serve
 * processes may share a store: each start is launched once), sends, records and finishes the
 * store's active campaigns on its channel, and receives the channel's webhooks on one port. Ctrl-C
 * stops it; what is in flight is recorded, campaigns stay as they are for the next serve.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run the store's campaigns: launch scheduled ones at their start, send, receive webhooks.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C)", "2:usage error, missing credential, or a store that cannot be opened"})
public final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
    String store;

    @Mixin
    ChannelOptions channel;

    @Mixin
    ContactRuleOptions contactRules = new ContactRuleOptions();

    @Option(
            names = "--webhook-port",
            paramLabel = "PORT",
            description = "Listen for the channel's webhooks on this port.")
    Integer webhookPort;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "The URL providers call this port by, without the /webhooks path.")
    URI publicUrl;

    @Option(
            names = "--stop-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            hidden = true,
            description = "Stop on its own after this long (for tests and scripts).")
    Duration stopAfter;

    /** Says on stderr what the serving engine started, finished or unscheduled. */
    private record Announcer(CliContext context) implements CampaignListener {
        @Override
        public void onLifecycleEvent(CampaignLifecycleEvent event) {
            if (event.action() == CampaignAction.LAUNCH || event.action() == CampaignAction.FINISH) {
                say((event.action() == CampaignAction.LAUNCH ? "launched" : "finished") + " campaign "
                        + event.campaignId() + " at " + event.at());
            }
        }

        @Override
        public void onUnscheduled(Unscheduling unscheduling) {
            say("unscheduled campaign " + unscheduling.campaignId() + ": " + unscheduling.code() + ": "
                    + unscheduling.message());
        }

        private void say(String line) {
            synchronized (context.err()) {
                context.err().println(line);
                context.err().flush();
            }
        }
    }

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (webhookPort != null && (webhookPort < 0 || webhookPort > 65_535)) {
            throw CliException.usage("--webhook-port must be from 0 to 65535, was " + webhookPort);
        }
        ChannelSetup setup = ChannelSetup.of(channel, context, Optional.ofNullable(publicUrl), webhookPort != null);
        String url = CliStore.url(store, context);
        ContactRules rules = contactRules.rules(null, java.time.Duration.ZERO);
        StopSignal stop = new StopSignal(RunWaits.DRAIN_TIMEOUT);
        AtomicReference<CampaignEngine> engineRef = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "campaignkit-serve");
            thread.setDaemon(true);
            return thread;
        });
        try (CliStore cliStore = CliStore.open(url, context);
                H2Sharing.Served shared = cliStore.shareWithOtherProcesses();
                WebhookServer server = webhookPort == null
                        ? null
                        : WebhookServer.start(
                                null,
                                webhookPort,
                                Optional.ofNullable(publicUrl),
                                CliWebhooks.endpoint((channelId, request) ->
                                        CliWebhooks.toEngine(engineRef.get(), channelId, request)));
                ChannelAdapter adapter = setup.create()
                        .apply(
                                server != null
                                        ? Optional.of(
                                                server.urlFor(setup.sender().channelType()))
                                        : Optional.ofNullable(publicUrl)
                                                .map(base -> io.campaignkit.host.WebhookEndpoint.routeUrl(
                                                        base, setup.sender().channelType())))) {
            CampaignEngine engine = CampaignRun.engineBuilder(cliStore.store(), adapter, rules)
                    .audienceSource(new FileAudienceSource())
                    .listener(new Announcer(context))
                    .build();
            engineRef.set(engine);
            if (adapter instanceof SimulatedChannel simulated) {
                String channelId = setup.sender().channelType();
                simulated.deliverWebhooksTo(request -> engine.handleWebhook(channelId, request));
                SimulatedEvents events = new SimulatedEvents(simulated);
                scheduler.scheduleWithFixedDelay(
                        events::release, 0, CampaignRun.SIMULATED_EVENT_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (context.ownsProcess()) {
                stop.installHook();
            }
            try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, CampaignRun.RUNNER_MAX_IDLE)) {
                context.err()
                        .println("serving " + cliStore.shownUrl() + " on channel "
                                + setup.sender().channelType()
                                + ": scheduled campaigns launch at their start"
                                + (server != null
                                        ? "; webhooks on "
                                                + server.urlFor(setup.sender().channelType())
                                        : "") + "; Ctrl-C stops");
                context.err().flush();
                Instant until = stopAfter == null ? Instant.MAX : Instant.now().plus(stopAfter);
                while (!stop.awaitStop(RunWaits.TICK) && Instant.now().isBefore(until)) {
                    // the runner works on the scheduler; this thread only waits for Ctrl-C
                }
                context.err().println("stopping: waiting for sends in flight to be recorded");
                Instant deadline = Instant.now().plus(RunWaits.DRAIN_TIMEOUT);
                while (engine.inFlight() > 0 && Instant.now().isBefore(deadline)) {
                    StopSignal.pause(RunWaits.TICK);
                }
            }
            RunWaits.awaitCallbacks(engine, context.err());
            return CampaignKitCli.EXIT_OK;
        } finally {
            scheduler.shutdownNow();
            stop.close();
        }
    }
}
