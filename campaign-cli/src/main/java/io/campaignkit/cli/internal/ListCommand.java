package io.campaignkit.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.engine.CampaignMetrics;
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
 * {@code campaignkit list [--store JDBC_URL] [--json]}: the program's campaigns in the store, oldest
 * first, one line each with their state and counts; with {@code --json}, one JSON array whose keys
 * follow the JSON report's ({@code campaign}, {@code name}, {@code state}, {@code created_at}, the counts). A
 * SCHEDULED campaign shows its start ({@code start_at} in JSON).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
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

    public ListCommand(CliContext context) {
        this.context = context;
    }

    /** One campaign's line. */
    record Listed(Campaign campaign, CampaignMetrics metrics) {}

    @Override
    public Integer call() {
        List<Listed> listed = new ArrayList<>();
        String url = CliStore.url(store, context);
        Optional<CliStore> existing = CliStore.openExisting(url, context);
        if (existing.isPresent()) {
            try (CliStore cliStore = existing.get()) {
                for (Campaign campaign : campaigns(cliStore.store())) {
                    listed.add(new Listed(campaign, StoreReports.metrics(cliStore.store(), campaign)));
                }
            }
        }
        String shownUrl = CliStore.redact(url) + (existing.isEmpty() ? " (no database there yet)" : "");
        if (json) {
            printJson(context.out(), listed);
        } else if (listed.isEmpty()) {
            context.err().println("no campaigns in " + shownUrl);
        } else {
            printLines(context.out(), listed);
        }
        context.out().flush();
        return CampaignKitCli.EXIT_OK;
    }

    /** Every campaign of the store's tenant, in any state and project, oldest first. */
    static List<Campaign> campaigns(JdbcCampaignStore store) {
        List<Campaign> all = new ArrayList<>();
        for (CampaignState state : CampaignState.values()) {
            Optional<CampaignId> after = Optional.empty();
            while (true) {
                List<Campaign> page = store.findByState(state, after, PAGE_SIZE);
                all.addAll(page);
                if (page.size() < PAGE_SIZE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
        }
        all.sort(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id));
        return all;
    }

    private static void printLines(PrintWriter out, List<Listed> listed) {
        out.printf(Locale.ROOT, LINE_FORMAT, "CAMPAIGN", "STATE", "AUDIENCE", "SENT", "DELIVERED", "READ", "REPLIED",
                "FAILED", "SKIPPED", "NAME");
        for (Listed entry : listed) {
            CampaignMetrics m = entry.metrics();
            out.printf(Locale.ROOT, LINE_FORMAT, entry.campaign().id().value(), entry.campaign().state(), m.audience(),
                    m.sent(), m.delivered(), m.read(), m.replied(), m.failed(), m.skipped(), name(entry.campaign())
                    + entry.campaign().schedule().map(s -> "  (starts " + s.startAt() + ")").orElse(""));
        }
    }

    private static String name(Campaign campaign) {
        // one line each, whatever the name holds
        return campaign.configuration().name().orElse("").replaceAll("\\s+", " ").strip();
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
                    json.writeStringField("start_at", campaign.schedule().get().startAt().toString());
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
