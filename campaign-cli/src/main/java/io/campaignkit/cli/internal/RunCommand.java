package io.campaignkit.cli.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.MessageTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit run}: imports a contact file, creates and launches the campaign, sends at the
 * pace and inside the hours given while listening for webhooks, waits, finishes, prints the
 * summary and writes the report. The campaign, its recipients and their outcomes are kept in the
 * store of {@code --store} (see {@link CliStore} for the default), where {@code list} and
 * {@code report} find them later.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run a campaign end to end: import, launch, send, track, finish, report.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the campaign ran (even if some recipients failed)",
            "1:the campaign could not be launched (invalid contacts or configuration)",
            "2:usage error, unreadable file, missing credential, or a store that cannot be opened"
        })
public final class RunCommand implements Callable<Integer> {

    /** How long a run keeps listening for webhooks after its last send, by default. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final CliContext context;

    @Option(
            names = "--contacts",
            required = true,
            paramLabel = "FILE",
            description = "The contact file (TSV, CSV, XLSX, XLS).")
    Path contacts;

    @Option(
            names = "--field",
            paramLabel = "ID:TYPE",
            converter = FieldDefinitionConverter.class,
            description = "A custom-data field (TYPE: TEXT, NUMBER or DATE); repeat for each.")
    List<FieldDefinition> fields = new ArrayList<>();

    @Mixin
    AudienceOptions audience = AudienceOptions.defaults();

    @Option(
            names = "--template",
            paramLabel = "NAME",
            description = "A channel template (WhatsApp), with --language;"
                    + " with several --channel, what the first one sends.")
    String template;

    @Option(
            names = "--text",
            paramLabel = "TEXT",
            description = "An inline text with placeholders {{1}}… (SMS);"
                    + " with several --channel, what the ones after the first send.")
    String text;

    @Option(
            names = "--fallback-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "With several --channel: send the next channel's message to a contact whose message is not"
                    + " delivered within this time, like 30m (the contact may then get both); default only when a"
                    + " channel says the contact is not on it.")
    Duration fallbackAfter;

    @Option(names = "--language", paramLabel = "CODE", description = "The template's language, like es_MX.")
    String language;

    @Option(
            names = "--param",
            paramLabel = "N=SOURCE",
            converter = ParamBinding.Converter.class,
            description = "What fills placeholder {{N}}: " + ParamBinding.FORMS + ". A field written for people: "
                    + ParamBinding.FORMATS + ".")
    List<ParamBinding> params = new ArrayList<>();

    @Option(
            names = "--tag",
            paramLabel = "KEY=COLUMN",
            converter = TagColumn.Converter.class,
            description = "A valued tag read from a file column, for --param N=tag:KEY: " + TagColumn.FORM + ".")
    List<TagColumn> tags = new ArrayList<>();

    @Mixin
    ChannelOptions channel;

    @Option(
            names = "--rate",
            paramLabel = "RATE",
            converter = PaceConverter.class,
            description = "Pace: messages per second or per hour, like 20/s or 3000/h (default 20/s).")
    Pace rate = Pace.DEFAULT;

    @Option(
            names = "--hours",
            paramLabel = "HOURS",
            description =
                    "Active hours, like \"MON-FRI 08:00-21:00; SAT 09:00-14:00\" (default every day 08:00-21:00).")
    String hours;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Time zone of the hours, like America/Mexico_City (default UTC-05:00).")
    String zone;

    @Option(
            names = "--local-hours",
            description = "Read --hours on each contact's own clock (\"08:00-21:00 local\"):"
                    + " its zone from --zone-field when the file has it, else from its phone number; a number whose prefix spans"
                    + " zones is sent only while the hours are open in all of them.")
    boolean localHours;

    @Option(
            names = "--zone-field",
            paramLabel = "FIELD",
            description =
                    "With --local-hours: the --field (TEXT) that holds"
                            + " each contact's time zone, like America/Mexico_City; a blank value falls back to the phone number.")
    String zoneField;

    @Mixin
    ContactRuleOptions contactRules = new ContactRuleOptions();

    @Option(
            names = "--busy-wait",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "With --busy-contacts: keep a busy contact PENDING this long, like 2h (at most 30 days),"
                    + " sending to it once it is free, then skip it as CONTACT_BUSY (default 0: skip at once).")
    Duration busyWait = Duration.ZERO;

    @Option(
            names = "--dry-run",
            description =
                    "Say what the run would do (audience, skips by reason, projected start and finish, SMS segments) and stop: nothing is sent, engaged or kept.")
    boolean dryRun;

    @Option(names = "--lenient", description = "Send to the valid rows even when some rows are invalid.")
    boolean lenient;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = CliStore.OPTION_HELP)
    String store;

    @Option(
            names = "--webhook-port",
            paramLabel = "PORT",
            description = "Listen for the channel's webhooks on this port.")
    Integer webhookPort;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "The URL providers call this port by (a tunnel or proxy), without the /webhooks path.")
    URI publicUrl;

    @Option(
            names = "--wait",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Keep listening for webhooks this long after the last send, like 30s or PT5M (default 30s).")
    Duration wait = DEFAULT_WAIT;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Where to write the report; .csv, .json or .html (default <campaign id>.csv).")
    Path report;

    @Option(
            names = "--start-at",
            paramLabel = "TIME",
            description = "Schedule the campaign instead of starting now: " + StartTimes.FORM + "; the process waits.")
    String startAt;

    @Option(
            names = "--test",
            paramLabel = "NUMBERS",
            split = ",",
            description =
                    "Send the message now only to these test numbers (rows of the contact file), like +5255...,+5255...")
    List<String> test = new ArrayList<>();

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The campaign's name (default: the contact file's name).")
    String name;

    public RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AudienceFiles.requireReadable(contacts);
        if (webhookPort != null && (webhookPort < 0 || webhookPort > 65_535)) {
            throw CliException.usage("--webhook-port must be from 0 to 65535, was " + webhookPort);
        }
        ActiveHours activeHours = activeHours(hours, zone);
        List<ChannelSetup> channels =
                ChannelSetup.all(channel, context, Optional.ofNullable(publicUrl), webhookPort != null);
        checkMessages(channels.size());
        TemplateMessage templateMessage =
                templateMessage(template != null ? template : null, template != null ? null : text);
        MoreChannels more = channels.size() == 1
                ? MoreChannels.NONE
                : new MoreChannels(
                        channels.subList(1, channels.size()),
                        Optional.of(templateMessage(text == null ? template : null, text)),
                        Optional.ofNullable(fallbackAfter));
        checkTags();
        ChannelSetup channelSetup = channels.get(0);
        String storeUrl = CliStore.url(store, context);
        CliStore.checkUrl(storeUrl);
        String campaignName = name != null ? name : contacts.getFileName().toString();
        Path reportFile = report;
        Optional<LocalHours> local = localHours();
        // the zone column may be blank on a row: that contact's zone comes from its number
        List<FieldDefinition> columns = fields.stream()
                .map(field -> local.flatMap(LocalHours::zoneField)
                        .filter(zoneField -> zoneField.equals(field.id()))
                        .map(any -> FieldDefinition.optional(field.id(), field.type()))
                        .orElse(field))
                .toList();
        CampaignRun.Plan plan = new CampaignRun.Plan(
                contacts,
                columns,
                List.copyOf(tags),
                audience,
                lenient,
                templateMessage,
                channelSetup,
                rate,
                activeHours,
                Optional.ofNullable(webhookPort),
                null,
                Optional.ofNullable(publicUrl),
                wait,
                false,
                reportFile == null ? List.of() : List.of(reportFile),
                campaignName,
                storeUrl,
                more,
                local,
                contactRules());
        if (reportFile != null) {
            ReportFiles.formatOf(reportFile);
        }
        CampaignRun run = new CampaignRun(context, plan, startOrTest());
        return dryRun ? run.dryRun() : run.execute();
    }

    /** {@code --local-hours}, with {@code --zone-field} when given. */
    private Optional<LocalHours> localHours() {
        if (zoneField != null && !localHours) {
            throw CliException.usage("--zone-field goes with --local-hours");
        }
        if (!localHours) {
            return Optional.empty();
        }
        if (zoneField == null) {
            return Optional.of(LocalHours.fromPhoneNumbers());
        }
        if (fields.stream().noneMatch(field -> field.id().equals(zoneField.strip()))) {
            throw CliException.usage("--zone-field " + zoneField + " must be one of the --field columns, like --field "
                    + zoneField.strip() + ":TEXT");
        }
        return Optional.of(LocalHours.fromField(zoneField));
    }

    /** {@code --exclusivity}, {@code --busy-contacts} and {@code --busy-wait}, checked. */
    private ContactRules contactRules() {
        if (!busyWait.isZero() && contactRules.busyContacts == null) {
            throw CliException.usage("--busy-wait goes with --busy-contacts (who is busy)");
        }
        if (busyWait.compareTo(io.campaignkit.core.campaign.CampaignConfiguration.MAX_BUSY_CONTACT_WAIT) > 0) {
            throw CliException.usage("--busy-wait must be at most 30 days, was " + busyWait);
        }
        return contactRules.rules(audience.region, busyWait);
    }

    /** {@code --start-at} or {@code --test}: at most one of them. */
    private RunStartOrTest startOrTest() {
        if (startAt != null && !test.isEmpty()) {
            throw CliException.usage("--start-at and --test do not go together: a test is sent now");
        }
        java.util.Optional<java.time.Instant> start = startAt == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(StartTimes.parse("--start-at", startAt, zone));
        if (start.isPresent() && !start.get().isAfter(java.time.Instant.now())) {
            throw CliException.usage(
                    "--start-at " + startAt + " has passed (" + start.get() + "); leave it out to start now");
        }
        List<io.campaignkit.core.contact.PhoneNumber> numbers = new ArrayList<>();
        for (String number : test) {
            try {
                numbers.add(io.campaignkit.core.contact.PhoneNumber.parse(number.strip()));
            } catch (CampaignKitException bad) {
                throw CliException.usage("bad --test number '" + number + "': " + bad.getMessage(), bad);
            }
        }
        if (numbers.size() > io.campaignkit.core.campaign.AudienceReference.TestAudience.MAX_CONTACTS) {
            throw CliException.usage("--test takes at most "
                    + io.campaignkit.core.campaign.AudienceReference.TestAudience.MAX_CONTACTS + " numbers");
        }
        ZoneId shown = zone == null ? ActiveHours.DEFAULT_ZONE : ZoneId.of(zone.strip());
        return new RunStartOrTest(start, shown, List.copyOf(numbers));
    }

    static ActiveHours activeHours(String hours, String zone) {
        ZoneId zoneId;
        try {
            zoneId = zone == null ? ActiveHours.DEFAULT_ZONE : ZoneId.of(zone.strip());
        } catch (DateTimeException badZone) {
            throw CliException.usage(
                    "bad --zone '" + zone + "': use a region like America/Mexico_City or an offset " + "like -05:00",
                    badZone);
        }
        if (hours == null) {
            return ActiveHours.ofDefaults().withZone(zoneId);
        }
        try {
            return ActiveHours.parse(hours, zoneId);
        } catch (CampaignKitException badHours) {
            // InvalidActiveHoursException, or InvalidArgumentException for a blank text
            throw CliException.usage(
                    "bad --hours '" + hours + "': " + badHours.getMessage()
                            + "; write it like \"MON-FRI 08:00-21:00; SAT 09:00-14:00\"",
                    badHours);
        }
    }

    /** Every valued tag a placeholder needs is read from a column; a key is read from one column only. */
    private void checkTags() {
        java.util.Map<String, String> columns = new java.util.HashMap<>();
        for (TagColumn tag : tags) {
            String earlier = columns.putIfAbsent(tag.key(), tag.column());
            if (earlier != null) {
                throw CliException.usage(
                        "--tag " + tag.key() + " is given twice (columns " + earlier + " and " + tag.column() + ")");
            }
        }
        for (ParamBinding param : params) {
            if (param.binding() instanceof Binding.ValuedTag valued && !columns.containsKey(valued.key())) {
                throw CliException.usage(
                        "--param " + param.index() + "=tag:" + valued.key() + " needs the column that holds"
                                + " it: add --tag " + valued.key() + "=<column of the contact file>");
            }
        }
    }

    /**
     * One channel sends {@code --template} or {@code --text}; several send {@code --template} on the
     * first and {@code --text} on the others, or one of them on all.
     */
    private void checkMessages(int channels) {
        if (template == null && text == null) {
            throw CliException.usage("give the message: --template NAME (with --language) or --text TEXT");
        }
        if (channels == 1 && template != null && text != null) {
            throw CliException.usage("--template and --text go together only with several --channel (the first sends"
                    + " the template, the others the text)");
        }
        if (channels == 1 && fallbackAfter != null) {
            throw CliException.usage("--fallback-after needs a second --channel to fall back to");
        }
        if (fallbackAfter != null && (fallbackAfter.isNegative() || fallbackAfter.isZero())) {
            throw CliException.usage("--fallback-after must be positive, was " + fallbackAfter);
        }
    }

    private TemplateMessage templateMessage(String template, String text) {
        TreeMap<Integer, Binding> byIndex = new TreeMap<>();
        for (ParamBinding param : params) {
            if (byIndex.put(param.index(), param.binding()) != null) {
                throw CliException.usage("--param " + param.index() + " is given twice");
            }
        }
        if (!byIndex.isEmpty() && byIndex.lastKey() != byIndex.size()) {
            throw CliException.usage("--param numbers must run 1, 2, 3… without gaps; got " + byIndex.keySet());
        }
        List<Binding> bindings = List.copyOf(byIndex.values());
        MessageTemplate chosen;
        try {
            if (template != null) {
                if (language == null || language.isBlank()) {
                    throw CliException.usage("--template needs --language, like --language es_MX");
                }
                chosen = ChannelTemplate.withParameterCount(template, language.strip(), bindings.size());
            } else {
                if (language != null && this.template == null) {
                    throw CliException.usage("--language goes with --template, not with --text");
                }
                chosen = InlineTemplate.of(text);
            }
            return TemplateMessage.of(chosen, bindings);
        } catch (InvalidArgumentException invalid) {
            throw CliException.usage("bad message: " + invalid.getMessage(), invalid);
        }
    }
}
