package io.campaignkit.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignPage;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit list [--store JDBC_URL] [--project ID] [--state STATE] [--bot ID] [--channel TYPE]
 * [--limit N [--after CAMPAIGN]] [--json]}: the program's campaigns in the store, one line each with
 * their state and counts; with {@code --json}, one JSON array whose keys follow the JSON report's
 * ({@code campaign}, {@code name}, {@code state}, {@code created_at}, the counts). A SCHEDULED campaign
 * shows its start ({@code start_at} in JSON). The filters are the engine's listing
 * ({@code CampaignQuery.Listing}), run by the store. Without {@code --limit} every campaign that matches
 * is listed, oldest first; with it, one page in campaign-id order (the order that stays stable while
 * campaigns are added), and when more follow, stderr says the {@code --after} that lists the next page.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the stored campaigns with their state and counts.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed (an empty store lists nothing)", "2:usage error, or a store that cannot be opened"})
public final class ListCommand implements Callable<Integer> {

    /** Campaigns read per query. */
    static final int PAGE_SIZE = 200;

    static final String LINE_FORMAT = "%-28s %-9s %9s %9s %9s %9s %9s %9s %9s  %s%n";

    private final CliContext context;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
    String store;

    @Option(names = "--json", description = "Print one JSON array of the campaigns instead of lines.")
    boolean json;

    @Option(names = "--project", paramLabel = "ID", description = "Only the campaigns of this project.")
    String project;

    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only the campaigns in this state: ${COMPLETION-CANDIDATES}.")
    CampaignState state;

    @Option(names = "--bot", paramLabel = "ID", description = "Only the campaigns whose replies go to this bot flow.")
    String bot;

    @Option(
            names = "--channel",
            paramLabel = "TYPE",
            description = "Only the campaigns sent through this channel type (simulated, whatsapp-cloud, twilio...).")
    String channel;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "List one page of at most N campaigns (1 to " + CampaignPage.MAX_SIZE
                    + "), by campaign id; stderr says how to list the next.")
    Integer limit;

    @Option(names = "--after", paramLabel = "CAMPAIGN", description = "With --limit: the page after this campaign id.")
    String after;

    public ListCommand(CliContext context) {
        this.context = context;
    }

    /** One campaign's line. */
    record Listed(Campaign campaign, CampaignMetrics metrics) {}

    @Override
    public Integer call() {
        CampaignQuery.Listing query = query();
        List<Listed> listed = new ArrayList<>();
        Optional<CampaignId> nextAfter = Optional.empty();
        String url = CliStore.url(store, context);
        Optional<CliStore> existing = CliStore.openExisting(url, context);
        if (existing.isPresent()) {
            try (CliStore cliStore = existing.get()) {
                List<Campaign> campaigns;
                if (limit == null) {
                    campaigns = campaigns(cliStore.store(), query);
                } else {
                    CampaignPage page = CampaignPage.read(cliStore.store(), query);
                    campaigns = page.campaigns();
                    nextAfter = page.nextAfter();
                }
                for (Campaign campaign : campaigns) {
                    listed.add(new Listed(campaign, StoreReports.metrics(cliStore.store(), campaign)));
                }
            }
        }
        String shownUrl = CliStore.redact(url) + (existing.isEmpty() ? " (no database there yet)" : "");
        if (json) {
            printJson(context.out(), listed);
        } else if (listed.isEmpty()) {
            context.err().println("no campaigns in " + shownUrl + (filtered() ? " that match the filters" : ""));
        } else {
            printLines(context.out(), listed);
        }
        nextAfter.ifPresent(cursor ->
                context.err().println("more campaigns follow: list the next page with --after " + cursor.value()));
        context.out().flush();
        context.err().flush();
        return CampaignKitCli.EXIT_OK;
    }

    /** The listing the options ask for, in the program's tenant. */
    private CampaignQuery.Listing query() {
        if (after != null && limit == null) {
            throw CliException.usage("--after pages through a listing: give --limit too");
        }
        if (limit != null && (limit < 1 || limit > CampaignPage.MAX_SIZE)) {
            throw CliException.usage("--limit " + limit + ": give a page size from 1 to " + CampaignPage.MAX_SIZE);
        }
        CampaignQuery.Listing query =
                CampaignQuery.Listing.of(CliStore.TENANT).limit(limit == null ? PAGE_SIZE : limit);
        try {
            if (project != null) {
                query = query.projectId(project);
            }
            if (state != null) {
                query = query.state(state);
            }
            if (bot != null) {
                query = query.botFlowId(bot);
            }
            if (channel != null) {
                query = query.channelType(channel);
            }
            return after == null ? query : query.after(CampaignId.of(after.strip()));
        } catch (InvalidArgumentException invalid) {
            throw CliException.usage("--" + option(invalid.argument()) + ": " + invalid.getMessage(), invalid);
        }
    }

    private static String option(String argument) {
        return switch (argument) {
            case "projectId" -> "project";
            case "botFlowId" -> "bot";
            case "channelType" -> "channel";
            case "value" -> "after";
            default -> argument;
        };
    }

    private boolean filtered() {
        return project != null || state != null || bot != null || channel != null;
    }

    /** Every campaign of the store's tenant that {@code query} keeps, oldest first. */
    static List<Campaign> campaigns(JdbcCampaignStore store, CampaignQuery.Listing query) {
        List<Campaign> all = new ArrayList<>();
        for (Optional<CampaignQuery.Listing> page = Optional.of(query); page.isPresent(); ) {
            CampaignPage campaigns = CampaignPage.read(store, page.get());
            all.addAll(campaigns.campaigns());
            page = campaigns.next();
        }
        all.sort(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id));
        return all;
    }

    /** Every campaign of the store's tenant, in any state and project, oldest first. */
    static List<Campaign> campaigns(JdbcCampaignStore store) {
        return campaigns(store, CampaignQuery.Listing.of(CliStore.TENANT).limit(PAGE_SIZE));
    }

    private static void printLines(PrintWriter out, List<Listed> listed) {
        out.printf(
                Locale.ROOT,
                LINE_FORMAT,
                "CAMPAIGN",
                "STATE",
                "AUDIENCE",
                "SENT",
                "DELIVERED",
                "READ",
                "REPLIED",
                "FAILED",
                "SKIPPED",
                "NAME");
        for (Listed entry : listed) {
            CampaignMetrics m = entry.metrics();
            out.printf(
                    Locale.ROOT,
                    LINE_FORMAT,
                    entry.campaign().id().value(),
                    entry.campaign().state(),
                    m.audience(),
                    m.sent(),
                    m.delivered(),
                    m.read(),
                    m.replied(),
                    m.failed(),
                    m.skipped(),
                    name(entry.campaign())
                            + entry.campaign()
                                    .schedule()
                                    .map(s -> "  (starts " + s.startAt() + ")")
                                    .orElse(""));
        }
    }

    private static String name(Campaign campaign) {
        // one line each, whatever the name holds
        return campaign.configuration()
                .name()
                .orElse("")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static void printJson(PrintWriter out, List<Listed> listed) {
        try {
            JsonGenerator json = new ObjectMapper().getFactory().createGenerator(new NonClosingWriter(out));
            json.writeStartArray();
            for (Listed entry : listed) {
                Campaign campaign = entry.campaign();
                CampaignMetrics m = entry.metrics();
                json.writeStartObject();
                json.writeStringField("campaign", campaign.id().value());
                json.writeStringField("name", campaign.configuration().name().orElse(null));
                json.writeStringField("state", campaign.state().name());
                json.writeStringField("created_at", campaign.createdAt().toString());
                if (campaign.schedule().isPresent()) {
                    json.writeStringField(
                            "start_at", campaign.schedule().get().startAt().toString());
                }
                json.writeNumberField("audience", m.audience());
                json.writeNumberField("sent", m.sent());
                json.writeNumberField("delivered", m.delivered());
                json.writeNumberField("read", m.read());
                json.writeNumberField("replied", m.replied());
                json.writeNumberField("failed", m.failed());
                json.writeNumberField("skipped", m.skipped());
                json.writeNumberField("unknown", m.unknown());
                json.writeNumberField("pending", m.pending() + m.sending());
                json.writeNumberField("not_sent", m.notSent());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
