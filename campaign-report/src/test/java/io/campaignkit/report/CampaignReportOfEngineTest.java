package io.campaignkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.CampaignScenario;
import io.campaignkit.testkit.engine.RecordingBot;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report made from the engine reads its export page by page, every recipient once, in order. */
class CampaignReportOfEngineTest {

    @Test
    void everyRecipientOfTheExportIsARowAndTheSummaryIsTheEnginesMetrics() throws IOException {
        CampaignScenario scenario =
                CampaignScenario.custom().bot("bot", new RecordingBot()).build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                config -> config.name("Report")
                        .botFlowId("bot")
                        .audience(AudienceReference.importedList("list"))
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                        .deliveryPlan(
                                DeliveryPlan.custom().pace(Pace.perSecond(100)).build()));
        int count = CampaignReport.PAGE_SIZE + 7; // more than one page
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(Contact.builder(PhoneNumber.parse(String.format("+5255%08d", 10_000_000 + i)))
                    .build());
        }
        scenario.launch(id, contacts);
        scenario.runUntilIdle(Duration.ofHours(1));

        CampaignReport report = CampaignReport.of(scenario.engine(), id, Instant.parse("2026-12-01T10:00:00Z"));
        List<String> contactsSeen = new ArrayList<>();
        report.rows().forEachRow(row -> contactsSeen.add(row.contact()));

        assertThat(contactsSeen)
                .hasSize(count)
                .doesNotHaveDuplicates()
                .startsWith("+525510000000")
                .endsWith(String.format("+5255%08d", 10_000_000 + count - 1));
        assertThat(report.summary().audience()).isEqualTo(count);
        assertThat(report.summary().sent()).isEqualTo(scenario.metrics(id).sent());
        StringWriter csv = new StringWriter();
        ReportFormat.CSV.write(report, csv);
        assertThat(csv.toString().split("\r\n")).hasSize(count + 1);
    }

    @Test
    void contactsSkippedAsBusyAreCountedByTheirReasonInEveryFormat() throws IOException {
        PhoneNumber busy = PhoneNumber.parse("+525510000001");
        CampaignScenario scenario = CampaignScenario.custom()
                .bot("bot", new RecordingBot())
                .engine(engine -> engine.contactAvailability((tenant, sender, phones) ->
                        phones.contains(busy) ? java.util.Set.of(busy) : java.util.Set.of()))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                config -> config.name("Busy")
                        .botFlowId("bot")
                        .audience(AudienceReference.importedList("list"))
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC)));
        scenario.launch(
                id,
                List.of(
                        Contact.builder(PhoneNumber.parse("+525510000000")).build(),
                        Contact.builder(busy).build()));
        scenario.runUntilIdle(Duration.ofHours(1));

        CampaignReport report = CampaignReport.of(scenario.engine(), id, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(report.summary().skippedByReason()).containsEntry("CONTACT_BUSY", 1L);
        for (ReportFormat format : ReportFormat.values()) {
            StringWriter out = new StringWriter();
            format.write(report, out);
            assertThat(out.toString()).as(format.name()).contains("CONTACT_BUSY");
        }
    }

    @Test
    void anUnknownCampaignIsNamed() {
        CampaignScenario scenario = CampaignScenario.ofDefaults();
        assertThatThrownBy(() -> CampaignReport.of(scenario.engine(), CampaignId.of("nope"), Instant.EPOCH))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void theFormatOfAFileIsItsExtensionInAnyCase() {
        assertThat(ReportFormat.ofFileName("out/Report.HTML")).contains(ReportFormat.HTML);
        assertThat(ReportFormat.ofFileName("r.csv")).contains(ReportFormat.CSV);
        assertThat(ReportFormat.ofFileName("r.txt")).isEmpty();
    }
}
