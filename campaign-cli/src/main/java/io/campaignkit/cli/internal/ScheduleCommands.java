package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.port.VersionConflictException;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit schedule} and {@code unschedule}: change the schedule of a campaign kept in the
 * store, with the store's versioned update (a {@code serve} or {@code run} process that launches it
 * at the same moment wins or loses cleanly). The campaign is launched at its start by any
 * {@code campaignkit serve} (or a {@code run --start-at} still waiting) on the store.
 */
final class ScheduleCommands {

    private ScheduleCommands() {}

    /** {@code campaignkit schedule --campaign ID --start-at TIME [--zone Z] [--latest-start TIME]}. */
    @Command(
            name = "schedule",
            mixinStandardHelpOptions = true,
            description = "Schedule a READY campaign of the store (or move a scheduled one) to start at a time.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:scheduled",
                "1:the campaign cannot be scheduled (its state, or invalid for that start)",
                "2:usage error, an unknown campaign, or a store that cannot be opened"
            })
    public static final class ScheduleCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "The campaign to schedule.")
        String campaign;

        @Option(
                names = "--start-at",
                required = true,
                paramLabel = "TIME",
                description = "When it starts: " + StartTimes.FORM + ".")
        String startAt;

        @Option(
                names = "--latest-start",
                paramLabel = "TIME",
                description = "Do not start it after this time (every process was down): it goes back to READY.")
        String latestStart;

        @Option(
                names = "--zone",
                paramLabel = "ZONE",
                description = "Time zone of the times, like America/Mexico_City (default UTC-05:00).")
        String zone;

        @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
        String store;

        public ScheduleCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Instant start = StartTimes.parse("--start-at", startAt, zone);
            Schedule schedule = Schedule.at(start);
            if (latestStart != null) {
                Instant latest = StartTimes.parse("--latest-start", latestStart, zone);
                if (!latest.isAfter(start)) {
                    throw CliException.usage("--latest-start " + latestStart + " must be after --start-at " + startAt);
                }
                schedule = schedule.latestStart(latest);
            }
            Schedule chosen = schedule;
            Campaign scheduled = change(context, store, campaign, (c, now) -> c.schedule(chosen, now));
            context.out()
                    .println("campaign " + scheduled.id() + " is SCHEDULED to start at " + start
                            + "; a 'campaignkit serve' on this store launches it then");
            return CampaignKitCli.EXIT_OK;
        }
    }

    /** {@code campaignkit unschedule --campaign ID}. */
    @Command(
            name = "unschedule",
            mixinStandardHelpOptions = true,
            description = "Take a scheduled campaign of the store back to READY.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:unscheduled",
                "1:the campaign is not scheduled (launched already?)",
                "2:usage error, an unknown campaign, or a store that cannot be opened"
            })
    public static final class UnscheduleCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "The campaign to unschedule.")
        String campaign;

        @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
        String store;

        public UnscheduleCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Campaign ready = change(context, store, campaign, (c, now) -> c.unschedule(now));
            context.out().println("campaign " + ready.id() + " is " + ready.state() + " again; nothing was sent");
            return CampaignKitCli.EXIT_OK;
        }
    }

    /** Applies {@code action} to the stored campaign and stores it at the version read, retrying on a conflict. */
    private static Campaign change(
            CliContext context, String storeOption, String campaignId, BiFunction<Campaign, Instant, Campaign> action) {
        CampaignId id;
        try {
            id = CampaignId.of(campaignId.strip());
        } catch (CampaignKitException bad) {
            throw CliException.usage("bad --campaign: " + bad.getMessage(), bad);
        }
        String url = CliStore.url(storeOption, context);
        try (CliStore cliStore = CliStore.open(url, context)) {
            JdbcCampaignStore store = cliStore.store();
            for (int attempt = 0; ; attempt++) {
                Optional<Campaign> found = store.find(id);
                if (found.isEmpty()) {
                    throw CliException.usage(
                            "no campaign " + id + " in " + cliStore.shownUrl() + " (campaignkit list shows them)");
                }
                Campaign before = found.get();
                Campaign after;
                try {
                    after = action.apply(before, Instant.now());
                } catch (CampaignKitException refused) {
                    throw new CliException(
                            CampaignKitCli.EXIT_INVALID,
                            "campaign " + id + " (" + before.state() + "): " + refused.getMessage(),
                            refused);
                }
                try {
                    store.update(after, before.version());
                    return after;
                } catch (VersionConflictException changedMeanwhile) {
                    if (attempt >= 5) {
                        throw changedMeanwhile;
                    }
                }
            }
        }
    }
}
