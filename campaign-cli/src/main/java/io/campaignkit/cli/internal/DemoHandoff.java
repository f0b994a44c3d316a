package io.campaignkit.cli.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.ReceivedMessage;
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
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcDeskStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo's conversation desk, as a host would wire one: the bot answers as the CLI's bot does, except
 * that the first contact who replies asks for a person, so the bot hands the conversation to the desk's
 * queue; a simulated agent, online, gets it at once, answers on the channel through the engine and
 * closes it with a disposition. The desk is kept in the demo's store; the summary says what happened.
 */
final class DemoHandoff {

    static final String QUEUE = "cobranza";
    static final String AGENT = "asesor-demo";
    static final String DISPOSITION = "PAGO_PROMETIDO";
    static final String AGENT_TEXT = "Hola, soy tu asesor. Te ayudo con tu pago.";
    private static final Actor ADMIN = Actor.administrator("campaignkit-demo");

    private final JdbcDeskStore store;
    private final EngineDeskBridge bridge = new EngineDeskBridge();
    private final ConversationDesk desk;
    private final Clock clock;
    private final AtomicBoolean handedOff = new AtomicBoolean();

    DemoHandoff(JdbcCampaignStore campaigns, Clock clock) {
        this.store = JdbcDeskStore.on(campaigns);
        this.clock = clock;
        this.desk = ConversationDesk.builder()
                .storage(store.storage())
                .channel(bridge)
                .clock(clock)
                .build();
        bridge.attach(desk);
    }

    /** The engine's bot flows: the CLI's bot, wrapped by the desk's bridge. */
    BotFlowRegistry botFlows() {
        return bridge.wrap(BotFlowRegistry.of(Map.of(CliBot.BOT_FLOW_ID, new HandingOffBot())));
    }

    /** Configures the desk for the demo's campaign and puts the simulated agent online. */
    private void prepare(CampaignId campaignId) {
        if (desk.settings(campaignId).isEmpty()) { // the desk keeps them in the database
            desk.configure(
                    ADMIN,
                    DeskSettings.of(
                            campaignId,
                            QUEUE,
                            AssignmentMethod.ROUND_ROBIN,
                            new Dispositions(
                                    "SIN_RESPUESTA",
                                    "TRANSFERIDA",
                                    "REASIGNADA",
                                    List.of(DISPOSITION, "NO_INTERESADO"))));
        }
        if (store.findAgent(AGENT).isEmpty()) {
            desk.registerAgent(ADMIN, Agent.of(AGENT, 1, Set.of(QUEUE), clock.instant()));
        }
        desk.changeStatus(Actor.agent(AGENT), AGENT, AgentStatus.ONLINE);
    }

    /** The summary's line about the desk, in the summary's columns. */
    void printSummary(PrintWriter out, CampaignId campaignId) {
        List<DeskConversation> handed = store.findConversations(DeskQuery.all().campaign(campaignId));
        String what = handed.isEmpty()
                ? "no contact replied, so no one was handed to an agent"
                : handed.stream()
                        .map(conversation -> "conversation " + conversation.id() + ": bot → " + conversation.queue()
                                + " → "
                                + (conversation.state() == DeskState.CLOSED
                                        ? "agent " + conversation.closedBy().orElse("?") + ", answered, closed "
                                                + conversation.disposition().orElse("?")
                                        : conversation.state()))
                        .collect(java.util.stream.Collectors.joining("; "));
        out.println(String.format(java.util.Locale.ROOT, "  %-10s %8d   %s", "handoff", handed.size(), what));
    }

    /** The CLI's bot, except that the first contact who replies is handed to the agent, who answers and closes. */
    private final class HandingOffBot implements BotFlow {
        private final CliBot bot = new CliBot();

        @Override
        public void onInboundMessage(ConversationContext context, ReceivedMessage message, BotReply reply) {
            bot.onInboundMessage(context, message, reply);
            if (!handedOff.compareAndSet(false, true)) {
                return;
            }
            prepare(context.campaignId());
            DeskConversation handed = bridge.handOff(context, reply, "pidió hablar con un asesor", Map.of());
            if (handed.state() == DeskState.WITH_AGENT) {
                // the simulated agent's screen: it reads the conversation, answers and closes it
                Actor agent = Actor.agent(AGENT);
                desk.send(agent, handed.id(), new AgentMessage.Text(AGENT_TEXT));
                desk.close(agent, handed.id(), DISPOSITION);
            }
        }

        @Override
        public void onConversationClosed(ConversationContext context, String reason) {
            bot.onConversationClosed(context, reason);
        }
    }
}
