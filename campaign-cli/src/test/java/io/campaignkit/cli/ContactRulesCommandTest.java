package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcCampaignStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 4 and 5 on the command line: {@code --exclusivity} (the tenant's scope),
 * {@code --busy-contacts FILE} (the engine's contact availability) and {@code run --busy-wait}.
 */
class ContactRulesCommandTest {

    private static final String CARLOS = "+525500998877";
    private static final String ANA = "+525511223344";
    private static final String LUZ = "+525522334455";

    @TempDir
    Path dir;

    private Path contacts;
    private String store;

    @BeforeEach
    void files() throws IOException {
        contacts =
                Files.writeString(dir.resolve("contacts.tsv"), """
                CONTACT\tNOMBRE
                %s\tCarlos
                %s\tAna
                %s\tLuz
                """.formatted(CARLOS, ANA, LUZ), StandardCharsets.UTF_8);
        store = "jdbc:h2:file:" + dir.resolve("db/campaignkit").toAbsolutePath();
    }

    @Test
    void aBusyContactIsSkippedAsContactBusyAndTheOthersAreSent() throws IOException {
        // Luz written as people write her: local digits with --region, between a comment and a blank line
        Path busy = Files.writeString(dir.resolve("busy.txt"), "# open cases at 09:00\n\n55 2233 4455\n");

        CliRun run = run("--busy-contacts", busy.toString(), "--region", "MX");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("sent\\s+2").containsPattern("skipped\\s+1\\s+CONTACT_BUSY: 1");
        assertThat(reportLine(LUZ)).contains(",SKIPPED,").contains("is busy (the host's contact availability)");
        assertThat(reportLine(CARLOS)).doesNotContain("SKIPPED");
    }

    @Test
    void withBusyWaitABusyContactIsWaitedForThenSkipped() throws IOException {
        Path busy = Files.writeString(dir.resolve("busy.txt"), LUZ + "\n");

        CliRun dryRun = run("--busy-contacts", busy.toString(), "--busy-wait", "2h", "--dry-run");
        CliRun run = run("--busy-contacts", busy.toString(), "--busy-wait", "1s");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out())
                .contains("1 contacts are busy now; the campaign waits up to PT2H for each, then skips it");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("skipped\\s+1\\s+CONTACT_BUSY: 1");
        assertThat(reportLine(LUZ)).contains(",SKIPPED,").contains("stayed busy for the campaign's wait of PT1S");
    }

    @Test
    void perContactExclusivityKeepsAContactOutOfASecondChannelsCampaign() throws IOException {
        // launched under the same scope, as every process on a store should be: it holds Carlos tenant-wide
        holdInAnActiveCampaign(CARLOS, ExclusivityScope.PER_CONTACT, false);

        // on another sender (SMS) both scopes keep him out: the default one too, since a per-contact
        // campaign holds him on every sender of the tenant
        CliRun perSender = run(
                "--channel",
                "simulated-sms",
                "--report",
                dir.resolve("per-sender.csv").toString());
        CliRun perContact = run(
                "--channel",
                "simulated-sms",
                "--exclusivity",
                "per-contact",
                "--report",
                dir.resolve("per-contact.csv").toString());

        assertThat(perSender.exitCode()).as(perSender.err()).isZero();
        assertThat(perSender.out()).containsPattern("sent\\s+2");
        assertThat(perSender.out()).containsPattern("skipped\\s+1\\s+ALREADY_IN_ACTIVE_CAMPAIGN: 1");
        assertThat(perContact.exitCode()).as(perContact.err()).isZero();
        assertThat(perContact.out()).containsPattern("skipped\\s+1\\s+ALREADY_IN_ACTIVE_CAMPAIGN: 1");
        assertThat(line(dir.resolve("per-contact.csv"), CARLOS)).contains(",SKIPPED,");
    }

    @Test
    void perSenderExclusivityKeepsAContactOutOfASecondCampaignOnTheSameSender() throws IOException {
        holdInAnActiveCampaign(CARLOS, ExclusivityScope.PER_SENDER, false);

        CliRun none =
                run("--exclusivity", "NONE", "--report", dir.resolve("none.csv").toString());
        CliRun perSender = run("--report", dir.resolve("per-sender.csv").toString());

        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).containsPattern("sent\\s+3");
        assertThat(perSender.exitCode()).as(perSender.err()).isZero();
        assertThat(perSender.out()).containsPattern("skipped\\s+1\\s+ALREADY_IN_ACTIVE_CAMPAIGN: 1");
    }

    @Test
    void badValuesNameTheOptionAndWhatItTakesWithoutAStackTrace() throws IOException {
        Path badBusy = Files.writeString(dir.resolve("busy.txt"), CARLOS + "\ncall me later\n");

        CliRun scope = run("--exclusivity", "sometimes");
        CliRun busyLine = run("--busy-contacts", badBusy.toString());
        CliRun busyMissing = run("--busy-contacts", dir.resolve("nope.txt").toString());
        CliRun waitAlone = run("--busy-wait", "1h");
        CliRun waitTooLong = run("--busy-contacts", badBusy.toString(), "--busy-wait", "31d");
        CliRun serve = CliRun.of("serve", "--channel", "simulated", "--exclusivity", "all", "--store", store);

        for (CliRun refused : List.of(scope, busyLine, busyMissing, waitAlone, waitTooLong, serve)) {
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(CampaignKitCli.EXIT_USAGE);
            assertThat(refused.errLines()).as(refused.err()).hasSize(1);
            assertThat(refused.err()).doesNotContain("\tat ");
        }
        assertThat(scope.err()).contains("--exclusivity").contains("per-sender, per-contact or none");
        assertThat(serve.err()).contains("--exclusivity").contains("per-sender, per-contact or none");
        assertThat(busyLine.err())
                .contains("bad --busy-contacts")
                .contains("busy.txt' line 2: 'call me later' is not a phone number");
        assertThat(busyMissing.err()).contains("bad --busy-contacts").contains("nope.txt");
        assertThat(waitAlone.err()).contains("--busy-wait goes with --busy-contacts");
        // the wait is checked before the file is read: the bad file is not what this one says
        assertThat(waitTooLong.err()).contains("--busy-wait must be at most 30 days");
    }

    @Test
    void addContactsAppliesTheSameRules() throws IOException {
        // sending at once (availability is asked when contacts are admitted), but no process sends it
        CampaignId active = holdInAnActiveCampaign(CARLOS, ExclusivityScope.PER_SENDER, true);
        Path more = Files.writeString(dir.resolve("more.tsv"), "CONTACT\n" + ANA + "\n" + LUZ + "\n");
        Path busy = Files.writeString(dir.resolve("busy.txt"), ANA + "\n");

        CliRun added = CliRun.of(
                "add-contacts",
                "--campaign",
                active.value(),
                "--contacts",
                more.toString(),
                "--busy-contacts",
                busy.toString(),
                "--store",
                store);

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("1 to send, 1 skipped (CONTACT_BUSY: 1)");
    }

    /**
     * An ACTIVE campaign of the CLI's tenant in the store on the simulated channel's sender, holding
     * {@code phone} under {@code scope}; it starts tomorrow unless {@code startsNow}.
     */
    private CampaignId holdInAnActiveCampaign(String phone, ExclusivityScope scope, boolean startsNow) {
        CampaignId id = CampaignId.of("holds-" + phone.substring(1));
        try (JdbcCampaignStore jdbc = JdbcCampaignStores.h2File(dir.resolve("db/campaignkit"));
                SimulatedChannel simulated = SimulatedChannel.withClock(Clock.systemUTC())) {
            BotFlow silent = (context, message, reply) -> {};
            CampaignEngine engine = CampaignEngine.builder()
                    .store(jdbc)
                    .channel(simulated)
                    .botFlows(BotFlowRegistry.of(Map.of("holder-bot", silent)))
                    .exclusivity(ExclusivityPolicy.everyTenant(scope))
                    .build();
            engine.create(
                    id,
                    "cli",
                    "cli",
                    CampaignKind.LIVE,
                    CampaignConfiguration.custom()
                            .name("holds " + phone)
                            .botFlowId("holder-bot")
                            .channel(SenderKey.of("simulated", "simulated-sender"))
                            .message(TemplateMessage.of(InlineTemplate.of("Hola")))
                            .audience(AudienceReference.importedList("held"))
                            .deliveryPlan(
                                    startsNow
                                            ? DeliveryPlan.custom()
                                                    .startOnLaunch()
                                                    .build()
                                            : DeliveryPlan.custom()
                                                    .startAt(Instant.now().plus(Duration.ofDays(1)))
                                                    .build())
                            .build());
            Campaign launched =
                    engine.launch(id, LaunchRequest.importedContacts(List.of(Contact.of(PhoneNumber.parse(phone)))));
            assertThat(launched.state()).isEqualTo(CampaignState.ACTIVE);
        }
        return id;
    }

    private CliRun run(String... options) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--contacts",
                contacts.toString(),
                "--field",
                "NOMBRE:TEXT",
                "--text",
                "Hola {{1}}",
                "--param",
                "1=name",
                "--simulate",
                "deliver=1,read=0,reply=0,seed=3",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--rate",
                "50/s",
                "--wait",
                "1s",
                "--store",
                store));
        if (!List.of(options).contains("--channel")) {
            args.addAll(List.of("--channel", "simulated"));
        }
        if (!List.of(options).contains("--report")) {
            args.addAll(List.of("--report", dir.resolve("report.csv").toString()));
        }
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String reportLine(String phone) throws IOException {
        return line(dir.resolve("report.csv"), phone);
    }

    private static String line(Path report, String phone) throws IOException {
        return Files.readAllLines(report).stream()
                .filter(line -> line.startsWith(phone + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError(phone + " not in " + report));
    }
}
