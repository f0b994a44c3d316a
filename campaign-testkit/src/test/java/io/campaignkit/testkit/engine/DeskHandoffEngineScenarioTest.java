package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.EngineDeskBridge;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.testkit.desk.InMemoryDeskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The desk on the engine: the bot hands off, the contact's messages go to the desk, the agent answers on the channel. */
class DeskHandoffEngineScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Actor ANA = Actor.agent("ana");

    private final EngineDeskBridge bridge = new EngineDeskBridge();
    private final List<String> botGot = new ArrayList<>();
    private final BotFlow bot = (context, message, reply) -> {
        botGot.add(message.text().orElse(""));
        if (message.text().filter("ASESOR"::equals).isPresent()) {
            reply.sendText("Te comunico con un asesor");
            bridge.handOff(context, reply, "pidió un asesor", Map.of());
        } else {
            reply.sendText("Soy el bot");
        }
    };

    private List<String> textsTo(CampaignScenario scenario, String phone) {
        return scenario.channel().sendsTo(phone).stream()
                .map(RecordedSend::message)
                .filter(message -> message.content() instanceof TextContent)
                .map(message -> ((TextContent) message.content()).body())
                .toList();
    }

    @Test
    void theBotHandsOffTheAgentAnswersAndAfterTheCloseTheBotHasTheContactAgain() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bridge.wrap(bot))
                .conversationIdleTimeout(Duration.ofDays(3))
                .build();
        InMemoryDeskStore store = new InMemoryDeskStore();
        ConversationDesk desk = ConversationDesk.builder()
                .storage(store.storage())
                .channel(bridge)
                .clock(scenario.clock())
                .build();
        bridge.attach(desk);
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        Actor admin = Actor.administrator("admin");
        desk.configure(
                admin,
                DeskSettings.of(
                                id,
                                "cobranza",
                                AssignmentMethod.SMART,
                                new Dispositions("SIN_RESPUESTA", "TRANSFERIDA", "MASIVA", List.of("PAGO_PROMETIDO")))
                        .withInactivityTimeout(Duration.ofDays(3)));
        desk.registerAgent(
                admin, Agent.of("ana", 2, Set.of("cobranza"), scenario.clock().instant()));
        desk.changeStatus(ANA, "ana", AgentStatus.ONLINE);
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        String phone = Fixtures.phone(0);

        scenario.inbound(phone, "ASESOR");
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(desk.isWithDesk(PhoneNumber.parse(phone))).isTrue();
        DeskConversation handed = store.findConversations(DeskQuery.all().phone(PhoneNumber.parse(phone)))
                .get(0);
        assertThat(handed.state()).isEqualTo(DeskState.WITH_AGENT);
        assertThat(handed.agentId()).contains("ana");

        scenario.inbound(phone, "¿sigue ahí?");
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(botGot).as("the desk has the conversation, not the bot").containsExactly("ASESOR");
        desk.send(ANA, handed.id(), new AgentMessage.Text("Hola, soy Ana"));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(textsTo(scenario, phone)).containsExactly("Te comunico con un asesor", "Hola, soy Ana");

        scenario.clock().advance(Duration.ofHours(25));
        assertThatThrownBy(() -> desk.send(ANA, handed.id(), new AgentMessage.Text("¿sigue ahí?")))
                .isInstanceOfSatisfying(
                        ReplyWindowClosedException.class,
                        e -> assertThat(e.code()).isEqualTo(ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED));

        desk.close(ANA, handed.id(), "PAGO_PROMETIDO");
        scenario.inbound(phone, "hola otra vez");
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(botGot).containsExactly("ASESOR", "hola otra vez");
        assertThat(desk.isWithDesk(PhoneNumber.parse(phone))).isFalse();
    }

    @Test
    void afterARestartTheAgentAnswersAndClosesBeforeTheContactWritesAgain() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bridge.wrap(bot))
                .conversationIdleTimeout(Duration.ofDays(3))
                .build();
        InMemoryDeskStore store = new InMemoryDeskStore();
        ConversationDesk desk = ConversationDesk.builder()
                .storage(store.storage())
                .channel(bridge)
                .clock(scenario.clock())
                .build();
        bridge.attach(desk);
        bridge.connect(scenario.engine());
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        Actor admin = Actor.administrator("admin");
        DeskSettings settings = DeskSettings.of(
                        id,
                        "cobranza",
                        AssignmentMethod.SMART,
                        new Dispositions("SIN_RESPUESTA", "TRANSFERIDA", "MASIVA", List.of("PAGO_PROMETIDO")))
                .withInactivityTimeout(Duration.ofDays(3));
        desk.configure(admin, settings);
        desk.registerAgent(
                admin, Agent.of("ana", 2, Set.of("cobranza"), scenario.clock().instant()));
        desk.changeStatus(ANA, "ana", AgentStatus.ONLINE);
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        String phone = Fixtures.phone(0);
        scenario.inbound(phone, "ASESOR");
        scenario.runFor(Duration.ofSeconds(5));
        DeskConversation handed = store.findConversations(DeskQuery.all().phone(PhoneNumber.parse(phone)))
                .get(0);

        // the host restarts: a new engine, bridge and desk on the same stores; the contact has not written since
        EngineDeskBridge restarted = new EngineDeskBridge();
        CampaignEngine engine = CampaignEngine.builder()
                .store(scenario.store())
                .channel(scenario.channel())
                .botFlows(restarted.wrap(BotFlowRegistry.of(Map.of(Fixtures.BOT, bot))))
                .clock(scenario.clock())
                .ownerId("restarted")
                .callbackExecutor(Runnable::run)
                .build();
        ConversationDesk deskAgain = ConversationDesk.builder()
                .storage(store.storage())
                .channel(restarted)
                .clock(scenario.clock())
                .build();
        restarted.attach(deskAgain);
        assertThat(deskAgain.settings(id))
                .as("the desk's settings are kept in its store: no configure at start-up")
                .contains(settings.withVersion(1));
        assertThatThrownBy(() -> deskAgain.send(ANA, handed.id(), new AgentMessage.Text("¿me lee?")))
                .as("without the engine the handle is nowhere")
                .isInstanceOf(CampaignKitException.class)
                .hasMessageContaining("EngineDeskBridge.connect");
        restarted.connect(engine);

        deskAgain.send(ANA, handed.id(), new AgentMessage.Text("Hola, soy Ana"));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(textsTo(scenario, phone)).containsExactly("Te comunico con un asesor", "Hola, soy Ana");
        deskAgain.close(ANA, handed.id(), "PAGO_PROMETIDO");
        assertThat(scenario.store().findOpenConversation(id, PhoneNumber.parse(phone)))
                .as("the engine's conversation closed with the desk's")
                .isEmpty();
        assertThat(engine.replyTo(handed.id())).isEmpty();
    }
}
