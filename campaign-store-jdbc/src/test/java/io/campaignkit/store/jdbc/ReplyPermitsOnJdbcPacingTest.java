package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.CampaignScenario;
import io.campaignkit.testkit.engine.RecordingBot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 item 3 with the sender's bucket in the database: replies take the sender's permits through
 * {@link JdbcPacingStore} (the sender-only limits' bucket row and the sender's row), a reply without a
 * permit goes at once and holds the sender, and the campaign's sends pay the debt: the same timeline as
 * with the in-process store, on H2 and on PostgreSQL (whose take is one statement).
 */
class ReplyPermitsOnJdbcPacingTest {

    private static final ChannelCapabilities ONE_PER_SECOND = ChannelCapabilities.custom()
            .freeFormText(true)
            .templates(true)
            .maxMessagesPerSecond(1)
            .customerServiceWindow(Duration.ofHours(24))
            .build();

    @Test
    void aReplyStormDelaysTheCampaignsSendsOnH2() {
        try (JdbcCampaignStore store = H2Databases.freshStore()) {
            replyStorm(JdbcPacingStore.on(store));
        }
    }

    @Test
    void aReplyStormDelaysTheCampaignsSendsOnPostgreSql() {
        replyStorm(JdbcPacingStore.on(PostgresDatabase.freshStore()));
    }

    private static void replyStorm(JdbcPacingStore pacing) {
        RecordingBot bot = new RecordingBot().answering((received, reply) -> reply.sendText("gracias"));
        CampaignScenario scenario = CampaignScenario.custom()
                .capabilities(ONE_PER_SECOND)
                .bot("bot", bot)
                .engine(engine -> engine.pacingStore(pacing))
                .build();
        Instant t0 = scenario.clock().instant();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                config -> config.name("Campaign")
                        .botFlowId("bot")
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                        .audience(AudienceReference.importedList("list-1"))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC)));
        scenario.launch(id, contacts(20));
        scenario.runUntil(t0.plusMillis(500));
        for (int contact = 0; contact < 5; contact++) {
            scenario.inbound(phone(contact), "hola");
        }
        scenario.runUntil(t0.plusSeconds(10));

        List<RecordedSend> replies = scenario.channel().sends().stream()
                .filter(send -> send.message().correlationId().startsWith("reply:"))
                .toList();
        assertThat(replies)
                .hasSize(5)
                .allSatisfy(send -> assertThat(send.requestedAt()).isEqualTo(t0.plusMillis(500)));
        assertThat(scenario.channel().sends().stream()
                        .filter(send -> !replies.contains(send))
                        .map(RecordedSend::requestedAt))
                .containsExactly(
                        t0,
                        t0.plusSeconds(6),
                        t0.plusSeconds(7),
                        t0.plusSeconds(8),
                        t0.plusSeconds(9),
                        t0.plusSeconds(10));
    }

    private static String phone(int i) {
        return String.format("+5255%08d", 10_000_000 + i);
    }

    private static List<Contact> contacts(int count) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(Contact.builder(PhoneNumber.parse(phone(i)))
                    .name("Contact " + i)
                    .build());
        }
        return contacts;
    }
}
