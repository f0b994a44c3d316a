package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.report.CampaignReport;
import io.campaignkit.report.ReportRow;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcCampaignStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored campaign's report reads its recipients page after page, each once, in their order. */
class StoreReportsTest {

    @TempDir
    Path dir;

    @Test
    void theRowsComePageAfterPageEachOnceInOrder() throws IOException {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            phones.add("+5255" + (40_000_000 + i));
        }
        Path contacts = Files.writeString(dir.resolve("c.tsv"), "CONTACT\n" + String.join("\n", phones) + "\n");
        Path db = dir.resolve("db/campaignkit");
        StringWriter err = new StringWriter();
        int exit = CampaignKitCli.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                Map.of(),
                "run",
                "--contacts",
                contacts.toString(),
                "--text",
                "Hola",
                "--channel",
                "simulated",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--rate",
                "100/s",
                "--wait",
                "0s",
                "--store",
                CliStore.h2FileUrl(db),
                "--report",
                dir.resolve("run.csv").toString());
        assertThat(exit).as(err.toString()).isZero();

        try (JdbcCampaignStore file = JdbcCampaignStores.h2File(db)) {
            JdbcCampaignStore store = file.forTenant(CliStore.TENANT);
            Campaign campaign = ListCommand.campaigns(store).get(0);
            // 7 rows by 3: pages of 3, 3 and 1, then an empty page that ends the walk
            CampaignReport report = StoreReports.report(store, campaign, Instant.now(), 3);
            List<String> walked = new ArrayList<>();
            report.rows().forEachRow(row -> walked.add(row.contact()));
            List<String> again = new ArrayList<>();
            report.rows().forEachRow((ReportRow row) -> again.add(row.contact()));

            assertThat(walked).isEqualTo(phones);
            assertThat(again).as("the rows may be walked again").isEqualTo(phones);
            assertThat(report.summary().audience()).isEqualTo(7);
        }
    }

    @Test
    void aRowShowsNoDeliveryBeforeItsSendAndTheChannelsOwnErrorCode(@TempDir Path db) {
        Instant sent = Instant.parse("2026-06-01T15:00:00.123456789Z");
        Instant providerDelivered = Instant.parse("2026-06-01T15:00:00Z");
        Contact ana = Contact.builder(PhoneNumber.parse("+525512345678")).build();
        Recipient delivered = Recipient.of(CampaignId.of("c-1"), 0, NewRecipient.pending(ana, sent), sent)
                .withState(DeliveryState.DELIVERED, sent)
                .withTimes(Optional.of(sent), Optional.of(providerDelivered), Optional.empty(), Optional.empty());

        try (JdbcCampaignStore store = JdbcCampaignStores.h2File(db.resolve("store"))) {
            rowsOf(delivered, store);
        }
    }

    private static void rowsOf(Recipient delivered, JdbcCampaignStore store) {
        Instant sent = delivered.sentAt().orElseThrow();
        ReportRow row = StoreReports.row(delivered, store);

        assertThat(row.sentAt()).contains(Instant.parse("2026-06-01T15:00:00.123Z"));
        assertThat(row.deliveredAt()).isEqualTo(row.sentAt());
        assertThat(row.providerError()).isEmpty();

        Recipient failed = delivered
                .withState(DeliveryState.FAILED, sent)
                .withOutcome(Optional.of(
                        new StatusReason("RECIPIENT_PERMANENT", "not on WhatsApp", Optional.of("131026"), true)));
        ReportRow failedRow = StoreReports.row(failed, store);
        assertThat(failedRow.errorCode()).contains("RECIPIENT_PERMANENT");
        assertThat(failedRow.providerError()).contains("131026");
    }
}
