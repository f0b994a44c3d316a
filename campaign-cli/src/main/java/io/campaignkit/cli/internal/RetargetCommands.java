package io.campaignkit.cli.internal;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.engine.AddedContacts;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportResult;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit retarget} and {@code add-contacts}: audiences that reuse or extend a campaign
 * kept in the store. {@code retarget} creates a campaign with a stored campaign's message, channel and
 * settings whose audience is that campaign's recipients of the chosen outcomes, and schedules it: a
 * {@code campaignkit serve} on the store launches it at its start, reading the audience then.
 * {@code add-contacts} appends a contact file to an ACTIVE stored campaign, under its schema and the
 * launch's exclusivity rules; the process sending it picks them up.
 */
final class RetargetCommands {

    private RetargetCommands() {}

    /** {@code campaignkit retarget --campaign ID --outcome LIST [--start-at TIME] [--zone Z] [--name N]}. */
    @Command(
            name = "retarget",
            mixinStandardHelpOptions = true,
            description = "Create and schedule a campaign for a stored campaign's recipients of some outcomes"
                    + " (the failed, the unknown...), with its message.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:created and scheduled",
                "1:the campaign cannot be created or scheduled from that source",
                "2:usage error, an unknown campaign, or a store that cannot be opened"
            })
    public static final class RetargetCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(
                names = "--campaign",
                required = true,
                paramLabel = "ID",
                description = "The source campaign (launched or finished).")
        String campaign;

        @Option(
                names = "--outcome",
                required = true,
                paramLabel = "LIST",
                description = "Whom to take: not-delivered, not-read, not-replied, failed[:PROVIDER_CODE], unknown,"
                        + " skipped[:REASON], comma-separated, like failed,unknown or failed:131026.")
        String outcome;

        @Option(
                names = "--start-at",
                paramLabel = "TIME",
                description = "When it starts: " + StartTimes.FORM + " (default: at once, by the next serve).")
        String startAt;

        @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of --start-at (default UTC-05:00).")
        String zone;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "The new campaign's name (default: the source's, with the outcomes).")
        String name;

        @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
        String store;

        public RetargetCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            OutcomeFilter outcomes;
            try {
                outcomes = OutcomeFilter.parse(outcome);
            } catch (CampaignKitException bad) {
                throw CliException.usage("bad --outcome '" + outcome + "': " + bad.getMessage(), bad);
            }
            CampaignId sourceId = campaignId(campaign);
            Instant now = Instant.now();
            Instant start = startAt == null ? now.plusSeconds(1) : StartTimes.parse("--start-at", startAt, zone);
            if (!start.isAfter(now)) {
                throw CliException.usage(
                        "--start-at " + startAt + " has passed (" + start + "); leave it out to start at once");
            }
            try (CliStore cliStore = CliStore.open(CliStore.url(store, context), context)) {
                JdbcCampaignStore jdbc = cliStore.store();
                Campaign source = jdbc.find(sourceId)
                        .orElseThrow(() -> CliException.usage("no campaign " + sourceId + " in " + cliStore.shownUrl()
                                + " (campaignkit list shows them)"));
                if (source.state() != CampaignState.ACTIVE && source.state() != CampaignState.FINISHED) {
                    throw new CliException(
                            CampaignKitCli.EXIT_INVALID,
                            "campaign " + sourceId + " is " + source.state()
                                    + ": only a launched campaign has recipients to retarget");
                }
                Campaign created = create(jdbc, source, outcomes, now);
                Campaign scheduled;
                try {
                    scheduled = created.schedule(Schedule.at(start), now);
                } catch (CampaignKitException refused) {
                    jdbc.delete(created);
                    throw new CliException(
                            CampaignKitCli.EXIT_INVALID,
                            "the retargeted campaign cannot be scheduled: " + refused.getMessage(),
                            refused);
                }
                jdbc.update(scheduled, created.version());
                long matching = count(jdbc, sourceId, outcomes);
                PrintWriter out = context.out();
                out.println("campaign " + scheduled.id() + " \""
                        + scheduled.configuration().name().orElse("") + "\" takes the " + outcomes.toText()
                        + " recipients of " + sourceId + " (" + matching + " now; read again at its start)");
                out.println("campaign " + scheduled.id() + " is SCHEDULED to start at " + start
                        + "; a 'campaignkit serve' on this store launches it then");
                out.flush();
            }
            return CampaignKitCli.EXIT_OK;
        }

        /** The source's configuration with the retargeted audience, stored READY in the source's tenant and project. */
        private Campaign create(JdbcCampaignStore jdbc, Campaign source, OutcomeFilter outcomes, Instant now) {
            String newName = name != null
                    ? name.strip()
                    : source.configuration().name().orElse(source.id().value()) + " (" + outcomes.toText() + ")";
            Campaign created;
            try {
                created = Campaign.create(
                        RunCampaign.newId(),
                        source.tenantId(),
                        source.projectId(),
                        CampaignKind.LIVE,
                        source.configuration().toBuilder()
                                .name(newName)
                                .audience(AudienceReference.recipientsOf(source.id(), outcomes))
                                .build(),
                        now);
            } catch (CampaignKitException invalid) {
                throw new CliException(
                        CampaignKitCli.EXIT_INVALID,
                        "cannot retarget " + source.id() + ": " + invalid.getMessage(),
                        invalid);
            }
            jdbc.insert(created);
            return created;
        }

        private static long count(JdbcCampaignStore jdbc, CampaignId source, OutcomeFilter outcomes) {
            long count = 0;
            long after = -1;
            while (true) {
                List<Recipient> page = jdbc.findRecipients(new RecipientQuery.ByOutcome(source, outcomes, after, 500));
                if (page.isEmpty()) {
                    return count;
                }
                count += page.size();
                after = page.get(page.size() - 1).sequence();
            }
        }
    }

    /** {@code campaignkit add-contacts --campaign ID --contacts FILE [--tag KEY=COLUMN] [import options]}. */
    @Command(
            name = "add-contacts",
            mixinStandardHelpOptions = true,
            description =
                    "Append a contact file to an ACTIVE campaign of the store, under its schema and the launch's rules.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:the contacts were added",
                "1:invalid rows (nothing added), or the campaign is not ACTIVE",
                "2:usage error, unreadable file, an unknown campaign, or a store that cannot be opened"
            })
    public static final class AddContactsCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "The ACTIVE campaign.")
        String campaign;

        @Option(
                names = "--contacts",
                required = true,
                paramLabel = "FILE",
                description = "The contact file (TSV, CSV, XLSX, XLS).")
        Path contacts;

        @Option(
                names = "--tag",
                paramLabel = "KEY=COLUMN",
                converter = TagColumn.Converter.class,
                description = "A valued tag read from a file column, as for run: " + TagColumn.FORM + ".")
        List<TagColumn> tags = new ArrayList<>();

        @Mixin
        AudienceOptions audience = AudienceOptions.defaults();

        @Mixin
        ContactRuleOptions contactRules = new ContactRuleOptions();

        @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
        String store;

        public AddContactsCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AudienceFiles.requireReadable(contacts);
            CampaignId id = campaignId(campaign);
            ContactRules rules = contactRules.rules(audience.region, java.time.Duration.ZERO);
            try (CliStore cliStore = CliStore.open(CliStore.url(store, context), context)) {
                Campaign found = cliStore.store()
                        .find(id)
                        .orElseThrow(() -> CliException.usage(
                                "no campaign " + id + " in " + cliStore.shownUrl() + " (campaignkit list shows them)"));
                List<FieldDefinition> fields = found.configuration().schema().fields();
                List<Contact> imported = importStrictly(fields);
                AddedContacts added = add(cliStore.store(), id, imported, rules);
                PrintWriter out = context.out();
                out.println("campaign " + id + ": " + added.added() + " of " + imported.size() + " contacts added, "
                        + added.pending() + " to send"
                        + (added.skipped() == 0
                                ? ""
                                : ", " + added.skipped() + " skipped ("
                                        + added.skippedByReason().entrySet().stream()
                                                .map(e -> e.getKey() + ": " + e.getValue())
                                                .collect(Collectors.joining(", "))
                                        + ")")
                        + (added.alreadyIn() == 0 ? "" : ", " + added.alreadyIn() + " already in the campaign")
                        + "; the process sending it picks them up");
                out.flush();
            }
            return CampaignKitCli.EXIT_OK;
        }

        /** The file under the campaign's schema: one invalid row refuses the whole file, naming rows and columns. */
        private List<Contact> importStrictly(List<FieldDefinition> fields) {
            List<FieldDefinition> columns = new ArrayList<>(fields);
            Set<String> ids = fields.stream().map(FieldDefinition::id).collect(Collectors.toCollection(HashSet::new));
            tags.stream().filter(tag -> ids.add(tag.column())).forEach(tag -> columns.add(tag.field()));
            CustomDataSchema schema = AudienceFiles.schema(columns);
            ImportResult result =
                    AudienceFiles.importFile(AudienceFiles.importer(schema, audience, ImportPolicy.STRICT), contacts);
            if (!result.accepted() || result.invalid() > 0) {
                PrintWriter err = context.err();
                result.errors().stream()
                        .limit(RunContacts.MAX_PRINTED_IMPORT_ERRORS)
                        .forEach(error -> err.printf(
                                "row %d, %s: %s: %s%n", error.row(), error.column(), error.code(), error.message()));
                throw new CliException(
                        CampaignKitCli.EXIT_INVALID,
                        "'" + contacts + "' has " + result.invalid()
                                + " invalid rows" + (result.report().headerValid() ? "" : " and an invalid header")
                                + " under the campaign's schema; nothing was added");
            }
            return result.contacts().stream()
                    .map(row -> RunContacts.contact(row, fields, tags))
                    .toList();
        }

        /**
         * Adds through an engine on the store, so the launch's rules apply (engagements, suppressions,
         * bindings). Adding sends nothing: the engine's one required channel is a stand-in, never called.
         */
        private AddedContacts add(JdbcCampaignStore jdbc, CampaignId id, List<Contact> imported, ContactRules rules) {
            try (SimulatedChannel standIn = SimulatedChannel.withClock(Clock.systemUTC())) {
                CampaignEngine engine =
                        CampaignRun.engineBuilder(jdbc, standIn, rules).build();
                return engine.addContacts(id, imported);
            } catch (IncompleteAudienceException incomplete) {
                throw new CliException(
                        CampaignKitCli.EXIT_INVALID,
                        "nothing was added: "
                                + incomplete.problems().stream()
                                        .map(p -> p.phone() + " " + p.message())
                                        .collect(Collectors.joining("; ")),
                        incomplete);
            } catch (CampaignKitException refused) {
                throw new CliException(
                        CampaignKitCli.EXIT_INVALID, "nothing was added: " + refused.getMessage(), refused);
            }
        }
    }

    private static CampaignId campaignId(String text) {
        try {
            return CampaignId.of(text.strip());
        } catch (CampaignKitException bad) {
            throw CliException.usage("bad --campaign '" + text + "': " + bad.getMessage(), bad);
        }
    }
}
