package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.TemplateContent;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.EngineDeskBridge;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.testkit.desk.InMemoryDeskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The desk as the engine's contact availability (issue 15, item 4): a contact in an open desk
 * conversation is not sent a new campaign's message; once the agent closed it, it is.
 */
class DeskContactAvailabilityScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Actor ADMIN = Actor.administrator("admin");
    private static final Actor ANA = Actor.agent("ana");

    private final EngineDeskBridge bridge = new EngineDeskBridge();
    private final BotFlow bot = (context, message, reply) -> {
        if (message.text().filter("ASESOR"::equals).isPresent()) {
            bridge.handOff(context, reply, "pidió un asesor", Map.of());
        }
    };
    private final CampaignScenario scenario = CampaignScenario.custom()
            .startingAt(MONDAY_9)
            .bot(Fixtures.BOT, bridge.wrap(bot))
            .engine(engine -> engine.contactAvailability(bridge))
            .build();
    private final InMemoryDeskStore store = new InMemoryDeskStore();
    private final ConversationDesk desk = ConversationDesk.builder()
            .storage(store.storage())
            .channel(bridge)
            .clock(scenario.clock())
            .build();

    @Test
    void aContactInAnOpenDeskConversationIsNotSentANewCampaignsMessage() {
        bridge.attach(desk);
        CampaignId first = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        desk.configure(
                ADMIN,
                DeskSettings.of(
                        first,
                        "cobranza",
                        AssignmentMethod.SMART,
                        new Dispositions("SIN_RESPUESTA", "TRANSFERIDA", "MASIVA", List.of("PAGO_PROMETIDO"))));
        desk.registerAgent(
                ADMIN, Agent.of("ana", 2, Set.of("cobranza"), scenario.clock().instant()));
        desk.changeStatus(ANA, "ana", AgentStatus.ONLINE);
        scenario.launch(first, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        String talking = Fixtures.phone(0);
        scenario.inbound(talking, "ASESOR");
        scenario.runFor(Duration.ofSeconds(5));
        DeskConversation withAna = store.findConversations(DeskQuery.all()).get(0);

        // another campaign, from another sender (so exclusivity per sender does not stop it), to both contacts
        CampaignId second = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, "sender-2")));
        scenario.launch(second, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(second, talking).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(scenario.recipient(second, talking).outcome().orElseThrow().code())
                .isEqualTo(SkipReasons.CONTACT_BUSY);
        assertThat(scenario.channel().sendsTo(talking))
                .filteredOn(send -> send.message().content() instanceof TemplateContent)
                .as("only the first campaign's message")
                .hasSize(1);
        assertThat(scenario.recipient(second, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.DELIVERED);

        desk.close(ANA, withAna.id(), "PAGO_PROMETIDO");
        CampaignId third = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, "sender-3")));
        scenario.launch(third, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.recipient(third, talking).state())
                .as("free once the agent closed it")
                .isEqualTo(DeliveryState.DELIVERED);
    }
}
