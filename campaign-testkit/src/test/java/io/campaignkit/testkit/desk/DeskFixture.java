package io.campaignkit.testkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.port.DeskChannel;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A desk on the in-memory store and a manual clock, with a channel that records what agents sent. */
final class DeskFixture {

    static final CampaignId CAMPAIGN = CampaignId.of("cobranza-dic");
    static final String QUEUE = "cobranza";
    static final Actor ADMIN = Actor.administrator("admin");
    static final Actor SUPERVISOR = Actor.supervisor("sup");
    static final Dispositions DISPOSITIONS = new Dispositions(
            "SIN_RESPUESTA", "TRANSFERIDA", "REASIGNACION_MASIVA", List.of("PAGO_PROMETIDO", "NO_INTERESADO"));

    final ManualClock clock = ManualClock.ofDefaults();
    final InMemoryDeskStore store = new InMemoryDeskStore();
    final RecordingChannel channel = new RecordingChannel();
    final List<String> surveys = new ArrayList<>();
    final ConversationDesk desk;
    private int conversations;

    DeskFixture(Duration historyCeiling) {
        desk = ConversationDesk.builder()
                .storage(store.storage())
                .channel(channel)
                .clock(clock)
                .historyCeiling(historyCeiling)
                .surveyLauncher((closed, flow) -> surveys.add(closed.id() + "@" + flow))
                .build();
    }

    DeskFixture() {
        this(Duration.ofDays(30));
    }

    static DeskSettings settings(AssignmentMethod method) {
        return DeskSettings.of(CAMPAIGN, QUEUE, method, DISPOSITIONS);
    }

    DeskFixture configured(DeskSettings settings) {
        desk.configure(ADMIN, settings);
        return this;
    }

    DeskFixture agent(String id, int capacity, AgentStatus status) {
        desk.registerAgent(ADMIN, Agent.of(id, capacity, Set.of(QUEUE), clock.instant()));
        if (status != AgentStatus.OFFLINE) {
            desk.changeStatus(Actor.agent(id), id, status);
        }
        return this;
    }

    static PhoneNumber phone(int index) {
        return PhoneNumber.parse(String.format("+52155%08d", 12_348_800 + index));
    }

    DeskConversation handOff(int contact) {
        String id = "conv-" + (++conversations);
        return desk.handOff(new Handoff(id, CAMPAIGN, phone(contact), "quiere hablar con alguien", Map.of()));
    }

    /** Everything the desk keeps but transcripts, to check that a refused action changed nothing. */
    List<Object> snapshot() {
        return List.of(store.findConversations(io.campaignkit.desk.port.DeskQuery.all()), store.agents());
    }

    DeskConversation get(String id) {
        return desk.find(id).orElseThrow();
    }

    /** Records agents' messages; refuses free-form ones while its window is closed, as a channel with one would. */
    static final class RecordingChannel implements DeskChannel {
        final List<String> sent = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        boolean windowClosed;

        @Override
        public void send(DeskConversation conversation, AgentMessage message) {
            if (windowClosed && !(message instanceof AgentMessage.Template)) {
                throw new ReplyWindowClosedException(
                        ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED,
                        "the customer-service window closed; only a template may be sent now");
            }
            sent.add(conversation.id() + ":" + message.transcriptText());
        }

        @Override
        public void closed(DeskConversation conversation) {
            closed.add(conversation.id());
        }
    }
}
