package io.campaignkit.cli.internal;

import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code campaignkit demo}: writes a sample contact file, runs a complete campaign on the simulated
 * channel (its webhooks come back through the program's HTTP endpoint on loopback, as a provider's
 * would), hands the first contact who replies from the bot to a simulated agent of the conversation
 * desk, prints the summary (the handoff included) and writes the reports in CSV, JSON and HTML. Takes seconds; the same
 * seed gives the same outcomes. Its campaigns are kept in an H2 file of their own under the demo's
 * directory ({@code DIR/store/campaignkit}), apart from real campaigns, where {@code list} and
 * {@code report --store} find them.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a complete sample campaign on the simulated channel and write its reports.")
public final class DemoCommand implements Callable<Integer> {

    static final int DEFAULT_CONTACTS = 40;
    static final String DEFAULT_DIR = "campaignkit-demo";
    /** The demo keeps its campaigns apart from real ones, in its own H2 file under its directory. */
    static final String STORE_LOCATION = "store/campaignkit";

    static final String MESSAGE = "Hola {{1}}, tu saldo de ${{2}} vence el {{3}}. Responde a este mensaje para pagar.";
    static final String[] NAMES = {"Carlos", "Ana", "Luz", "Jorge", "María", "Pedro", "Sofía", "Diego", "Elena", "Raúl"
    };
    /** Most the simulated events take to arrive after the last send; the demo stops waiting earlier when they are in. */
    static final Duration MAX_WAIT = Duration.ofSeconds(15);

    private final CliContext context;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where to write the contact file and the reports (default " + DEFAULT_DIR + ").")
    Path dir = Path.of(DEFAULT_DIR);

    @Option(
            names = "--contacts",
            paramLabel = "N",
            description = "How many sample contacts (default " + DEFAULT_CONTACTS + ").")
    int contactCount = DEFAULT_CONTACTS;

    @Option(
            names = "--simulate",
            paramLabel = "SPEC",
            converter = SimulationSpec.Converter.class,
            description =
                    "The simulated outcomes, like deliver=0.95,read=0.6,reply=0.2,seed=7 (these are the defaults).")
    SimulationSpec simulate = SimulationSpec.DEFAULT;

    @Option(
            names = "--rate",
            paramLabel = "RATE",
            converter = PaceConverter.class,
            description = "Pace (default 100/s).")
    Pace rate = Pace.perSecond(100);

    @Option(
            names = "--store",
            paramLabel = "JDBC_URL",
            description = "The campaign store (default: an H2 file at DIR/" + STORE_LOCATION + ").")
    String store;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (contactCount < 1 || contactCount > 100_000) {
            throw CliException.usage("--contacts must be from 1 to 100000, was " + contactCount);
        }
        String storeUrl = store != null ? store.strip() : CliStore.h2FileUrl(dir.resolve(STORE_LOCATION));
        CliStore.checkUrl(storeUrl);
        Path contacts = writeSampleContacts(dir.resolve("contacts.tsv"), contactCount, simulate.seed());
        context.err().println("sample contacts: " + contacts.toAbsolutePath().normalize());
        TemplateMessage message = TemplateMessage.of(
                InlineTemplate.of(MESSAGE),
                Binding.contactName("cliente"),
                Binding.customField("MONTO"),
                Binding.customField("FECHA"));
        CampaignRun.Plan plan = new CampaignRun.Plan(
                contacts,
                List.of(
                        FieldDefinition.required("NOMBRE", FieldType.TEXT),
                        FieldDefinition.required("MONTO", FieldType.NUMBER),
                        FieldDefinition.required("FECHA", FieldType.DATE)),
                List.of(),
                AudienceOptions.defaults(),
                false,
                message,
                ChannelSetup.simulated(simulate),
                rate,
                ActiveHours.alwaysOpen(ZoneOffset.UTC),
                Optional.of(0),
                InetAddress.getLoopbackAddress(),
                Optional.empty(),
                MAX_WAIT,
                true,
                List.of(dir.resolve("report.csv"), dir.resolve("report.json"), dir.resolve("report.html")),
                "Demo: cobranza",
                storeUrl,
                MoreChannels.NONE,
                Optional.empty(),
                ContactRules.DEFAULTS);
        return new CampaignRun(context, plan).withDemoHandoff().execute();
    }

    /** Mexican numbers +52 55 1000 0000…, names, amounts and due dates drawn from the seed. */
    static Path writeSampleContacts(Path file, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder tsv = new StringBuilder("CONTACT\tNOMBRE\tMONTO\tFECHA\n");
        LocalDate firstDue = LocalDate.of(2026, 12, 1);
        for (int i = 0; i < count; i++) {
            tsv.append("+5255")
                    .append(10_000_000 + i)
                    .append('\t')
                    .append(NAMES[random.nextInt(NAMES.length)])
                    .append('\t')
                    .append(100 + random.nextInt(9_900))
                    .append('.')
                    .append(random.nextInt(10))
                    .append('0')
                    .append('\t')
                    .append(firstDue.plusDays(random.nextInt(60)))
                    .append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample contacts to " + file, e);
        }
    }
}
