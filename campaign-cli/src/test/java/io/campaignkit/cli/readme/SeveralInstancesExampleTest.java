package io.campaignkit.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The README's "several instances" example: two engines on one database share the work and the pacing. */
class SeveralInstancesExampleTest {

    private static final BotFlowRegistry BOTS =
            BotFlowRegistry.of(Map.of("cobranza-bot", (context, message, reply) -> {}));

    @Test
    void twoInstancesOnOneDatabaseSendToEveryContactOnceAndPaceThroughTheDatabase() throws SQLException {
        try (HikariDataSource database = new HikariDataSource();
                SimulatedChannel channel = SimulatedChannel.withClock(Clock.systemUTC())) {
            database.setJdbcUrl("jdbc:h2:mem:several-instances;DB_CLOSE_DELAY=-1");
            CampaignEngine first = SeveralInstancesExample.engine(database, channel, BOTS);
            CampaignEngine second = SeveralInstancesExample.engine(database, channel, BOTS);
            CampaignId id = CampaignId.of("cobranza");
            first.create(
                    id,
                    "acme",
                    "cobranza",
                    CampaignKind.LIVE,
                    CampaignConfiguration.custom()
                            .name("Cobranza")
                            .botFlowId("cobranza-bot")
                            .channel(channel.id(), "109876543210")
                            // the wall clock drives this test: open all day, or it would send nothing at night
                            .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                            .message(TemplateMessage.of(
                                    ChannelTemplate.of("saldo", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                            .audience(new AudienceReference.ImportedList("lista.tsv"))
                            .build());
            List<Contact> contacts = IntStream.range(0, 6)
                    .mapToObj(i -> Contact.builder(PhoneNumber.parse("+5255123456" + (10 + i)))
                            .build())
                    .toList();
            first.launch(id, LaunchRequest.importedContacts(contacts));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            CampaignMetrics metrics = first.metrics(id);
            while ((metrics.pending() > 0 || metrics.sending() > 0)
                    && Instant.now().isBefore(deadline)) {
                first.runDue();
                second.runDue();
                metrics = first.metrics(id);
            }

            assertThat(metrics.sent()).isEqualTo(6);
            assertThat(channel.sends())
                    .extracting(send -> send.message().recipient())
                    .doesNotHaveDuplicates()
                    .hasSize(6);
            assertThat(bucketRows(database))
                    .as("the pace lives in the database")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theReadmeQuotesTheExampleExactly() throws IOException {
        ReadmeQuote.assertQuotedExactly("SeveralInstancesExample");
    }

    private static int bucketRows(HikariDataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ck_pacing_bucket")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
