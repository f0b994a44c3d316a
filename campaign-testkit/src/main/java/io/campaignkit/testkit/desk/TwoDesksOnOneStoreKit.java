package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.DeskStorage;
import io.campaignkit.desk.port.StaleDeskDataException;
import io.campaignkit.testkit.time.ManualClock;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two desk instances on one store, as two hosts on one database: settings kept in the store, and races on
 * assignment settled by the desk. The first desk's writes go through an {@link InterleavedDeskStorage}, so the
 * second desk's operation runs between the first one's reads and its write. Extend it and return a new,
 * empty storage from {@link #storage()} and another storage object on its data from {@link #sameData()}.
 */
public abstract class TwoDesksOnOneStoreKit extends DeskContractSupport {

    static final Actor ADMIN = Actor.administrator("admin");
    static final CampaignId COBRANZA = CampaignId.of("cobranza-dic");
    static final CampaignId VENTAS = CampaignId.of("ventas-dic");
    static final Dispositions DISPOSITIONS =
            new Dispositions("SIN_RESPUESTA", "TRANSFERIDA", "MASIVA", List.of("PAGO_PROMETIDO"));

    /** For subclasses. */
    protected TwoDesksOnOneStoreKit() {}

    /** A new, empty storage. */
    protected abstract DeskStorage storage();

    /** Another storage object on the data of the last {@link #storage()}: a second instance, or one after a restart. */
    protected abstract DeskStorage sameData();

    private final ManualClock clock = ManualClock.startingAt(START);
    private final List<String> sent = new ArrayList<>();
    private InterleavedDeskStorage racing;
    private ConversationDesk first;
    private ConversationDesk second;
    private DeskStorage data;
    private int conversations;

    @BeforeEach
    void twoDesks() {
        racing = InterleavedDeskStorage.over(storage());
        first = desk(racing.storage());
        second = desk(sameData());
        data = sameData();
    }

    private ConversationDesk desk(DeskStorage on) {
        return ConversationDesk.builder()
                .storage(on)
                .clock(clock)
                .channel((conversation, message) -> sent.add(conversation.id() + ":" + message.transcriptText()))
                .build();
    }

    private static DeskSettings settings(CampaignId campaign, String queue) {
        return DeskSettings.of(campaign, queue, AssignmentMethod.SMART, DISPOSITIONS);
    }

    private void agent(String id, int capacity, AgentStatus status, String... queues) {
        first.registerAgent(ADMIN, Agent.of(id, capacity, Set.of(queues), clock.instant()));
        if (status != AgentStatus.OFFLINE) {
            first.changeStatus(Actor.agent(id), id, status);
        }
    }

    private DeskConversation handOff(ConversationDesk desk, CampaignId campaign) {
        conversations++;
        clock.advance(java.time.Duration.ofSeconds(1));
        return desk.handOff(new Handoff("conv-" + conversations, campaign, phone(conversations), "", Map.of()));
    }

    private DeskConversation read(String id) {
        return data.conversations().findConversation(id).orElseThrow();
    }

    private long assignedNotes(String id) {
        return data.transcripts().transcript(id, Instant.EPOCH).stream()
                .map(TranscriptEntry::text)
                .filter(text -> text.startsWith("assigned to"))
                .count();
    }

    private long load(String agent) {
        return data.conversations()
                .findConversations(DeskQuery.inStates(DeskState.WITH_AGENT).agent(agent))
                .size();
    }

    /** Settings are kept in the store: every desk on it works by them, and a change from a stale read is refused. */
    @Nested
    @DisplayName("settings in the store")
    public class SettingsInTheStore {

        @Test
        void aDeskStartedOnTheStoreFindsTheSettingsAndWorksByThem() {
            DeskSettings stored = first.configure(
                    ADMIN,
                    settings(COBRANZA, "cobranza")
                            .withPolicies(ConversationPolicies.PERMISSIVE.withMedia(false))
                            .withFields(List.of(FieldDefinition.number("MONTO", true))));
            assertThat(stored.version()).isEqualTo(1);
            ConversationDesk restarted = desk(sameData());
            assertThat(restarted.settings(COBRANZA)).contains(stored);
            agent("ana", 2, AgentStatus.ONLINE, "cobranza");
            DeskConversation handed = handOff(restarted, COBRANZA);
            assertThat(handed.queue()).isEqualTo("cobranza");
            assertThat(handed.agentId()).contains("ana");
            assertThatThrownBy(() -> restarted.send(
                            Actor.agent("ana"),
                            handed.id(),
                            new AgentMessage.Media(URI.create("https://example.com/recibo.pdf"), Optional.empty())))
                    .isInstanceOfSatisfying(
                            DeskRefusedException.class,
                            refused -> assertThat(refused.policy()).contains(ConversationPolicies.MEDIA));
            assertThatThrownBy(() -> restarted.close(Actor.agent("ana"), handed.id(), "PAGO_PROMETIDO"))
                    .isInstanceOfSatisfying(
                            DeskRefusedException.class,
                            refused -> assertThat(refused.missingFields()).containsExactly("MONTO"));
        }

        @Test
        void aChangeFromStaleSettingsIsRefusedAndTheOtherDesksChangeStays() {
            DeskSettings mine = first.configure(ADMIN, settings(COBRANZA, "cobranza"));
            DeskSettings theirs = second.configure(
                    ADMIN,
                    second.settings(COBRANZA)
                            .orElseThrow()
                            .withPolicies(ConversationPolicies.PERMISSIVE.withTransfer(false)));
            assertThat(theirs.version()).isEqualTo(2);
            assertThatThrownBy(() ->
                            first.configure(ADMIN, mine.withPolicies(ConversationPolicies.PERMISSIVE.withEmoji(false))))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(first.settings(COBRANZA)).contains(theirs);
            assertThat(data.settings().findSettings(COBRANZA)).contains(theirs);
        }

        @Test
        void firstSettingsOfACampaignThatHasSomeAreRefused() {
            DeskSettings stored = first.configure(ADMIN, settings(COBRANZA, "cobranza"));
            assertThatThrownBy(() -> second.configure(ADMIN, settings(COBRANZA, "otra-cola")))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(second.settings(COBRANZA)).contains(stored);
        }
    }

    /** Two desks race on the same conversations and agents: the desk settles it, nothing is assigned twice or beyond room. */
    @Nested
    @DisplayName("races")
    public class Races {

        @BeforeEach
        void configured() {
            first.configure(ADMIN, settings(COBRANZA, "cobranza"));
            first.configure(ADMIN, settings(VENTAS, "ventas"));
        }

        @Test
        void twoDesksAssigningOneWaitingConversationAssignItOnce() {
            agent("ana", 1, AgentStatus.ONLINE, "cobranza");
            agent("beto", 1, AgentStatus.ONLINE, "cobranza");
            DeskConversation ofAna = handOff(first, COBRANZA);
            DeskConversation ofBeto = handOff(first, COBRANZA);
            assertThat(List.of(ofAna.agentId().orElseThrow(), ofBeto.agentId().orElseThrow()))
                    .containsExactlyInAnyOrder("ana", "beto");
            DeskConversation waiting = handOff(first, COBRANZA);
            assertThat(waiting.state()).isEqualTo(DeskState.WAITING);
            String anaHas = ofAna.agentId().orElseThrow().equals("ana") ? ofAna.id() : ofBeto.id();
            String betoHas = anaHas.equals(ofAna.id()) ? ofBeto.id() : ofAna.id();
            int writes = racing.writes();
            // the first desk closes ana's conversation; between its close and its assignment of the waiting
            // one, the second desk closes beto's and assigns the waiting one itself
            racing.beforeWrite(2, () -> second.close(Actor.agent("beto"), betoHas, "PAGO_PROMETIDO"));
            first.close(Actor.agent("ana"), anaHas, "PAGO_PROMETIDO");

            assertThat(racing.hasPendingSteps()).isFalse();
            assertThat(racing.writes() - writes)
                    .as("the first desk's assignment lost the race and was not written")
                    .isEqualTo(2);
            assertThat(read(waiting.id()).agentId()).isPresent();
            assertThat(assignedNotes(waiting.id())).isEqualTo(1);
            assertThat(load("ana") + load("beto")).isEqualTo(1);
        }

        @Test
        void anAgentsLastRoomGoesToOneConversationOnly() {
            agent("beto", 2, AgentStatus.ONLINE, "ventas");
            agent("ana", 1, AgentStatus.OFFLINE, "cobranza", "ventas");
            DeskConversation transferred = handOff(first, VENTAS);
            handOff(first, VENTAS);
            DeskConversation waiting = handOff(first, COBRANZA); // only ana serves cobranza, and she is offline
            assertThat(waiting.state()).isEqualTo(DeskState.WAITING);
            // the first desk brings ana online and assigns her the waiting conversation; between its reads and
            // that write, the second desk transfers one of beto's conversations to her: her only room is taken
            racing.beforeWrite(2, () -> second.transfer(Actor.agent("beto"), transferred.id(), "ana"));
            first.changeStatus(Actor.agent("ana"), "ana", AgentStatus.ONLINE);

            assertThat(racing.hasPendingSteps()).isFalse();
            assertThat(load("ana")).isEqualTo(1);
            assertThat(read(transferred.id()).agentId()).contains("ana");
            assertThat(read(waiting.id()).state()).isEqualTo(DeskState.WAITING);
            assertThat(assignedNotes(waiting.id())).isZero();
        }

        @Test
        void theOldestWaitingConversationIsAssignedFirstWhicheverDeskAssigns() {
            agent("ana", 1, AgentStatus.ONLINE, "cobranza");
            DeskConversation busy = handOff(first, COBRANZA);
            DeskConversation older = handOff(first, COBRANZA);
            // the first desk closes ana's conversation and is about to assign her the older waiting one; the
            // second desk hands off a newer one first and assigns the older one itself
            racing.beforeWrite(2, () -> handOff(second, COBRANZA));
            first.close(Actor.agent("ana"), busy.id(), "PAGO_PROMETIDO");

            assertThat(read(older.id()).agentId()).contains("ana");
            assertThat(read("conv-3").state()).isEqualTo(DeskState.WAITING);
            assertThat(assignedNotes(older.id())).isEqualTo(1);
            assertThat(load("ana")).isEqualTo(1);
        }

        @Test
        void twoHandOffsAtOnceAreServedFirstComeFirstServed() {
            agent("ana", 1, AgentStatus.ONLINE, "cobranza");
            // the second desk hands off and assigns between the first desk's hand-off decision and its write:
            // whichever got the earlier queue position must be the one ana gets, the other waits behind it
            racing.beforeWrite(1, () -> handOff(second, COBRANZA));
            handOff(first, COBRANZA);

            assertThat(racing.hasPendingSteps()).isFalse();
            DeskConversation one = read("conv-1");
            DeskConversation two = read("conv-2");
            DeskConversation assigned = one.agentId().isPresent() ? one : two;
            DeskConversation waiting = assigned == one ? two : one;
            assertThat(assigned.agentId()).contains("ana");
            assertThat(waiting.state()).isEqualTo(DeskState.WAITING);
            assertThat(assigned.queuePosition())
                    .as("ana got %s while %s, earlier in the queue, waits", assigned.id(), waiting.id())
                    .isLessThan(waiting.queuePosition());
        }

        @Test
        void aStateChangeThatLostARaceIsAppliedToWhatTheOtherDeskWrote() {
            first.configure(
                    ADMIN,
                    first.settings(COBRANZA)
                            .orElseThrow()
                            .withFields(List.of(
                                    FieldDefinition.text("NOTA", false), FieldDefinition.number("MONTO", false))));
            agent("ana", 1, AgentStatus.ONLINE, "cobranza");
            DeskConversation handed = handOff(first, COBRANZA);
            racing.beforeWrite(1, () -> second.setField(Actor.agent("ana"), handed.id(), "NOTA", "paga el viernes"));
            DeskConversation changed = first.setField(Actor.agent("ana"), handed.id(), "MONTO", "1500");

            assertThat(changed.fields())
                    .containsEntry("NOTA", "paga el viernes")
                    .containsEntry("MONTO", "1500");
            assertThat(read(handed.id()).fields()).isEqualTo(changed.fields());
        }

        @Test
        void aRaceLostOnEveryTryEndsStaleAndTheLosingChangeIsNotStored() {
            first.configure(
                    ADMIN,
                    first.settings(COBRANZA)
                            .orElseThrow()
                            .withFields(List.of(
                                    FieldDefinition.text("NOTA", false), FieldDefinition.number("MONTO", false))));
            agent("ana", 1, AgentStatus.ONLINE, "cobranza");
            DeskConversation handed = handOff(first, COBRANZA);
            for (int attempt = 0; attempt < 100; attempt++) {
                String note = "nota " + attempt;
                racing.beforeWrite(attempt + 1, () -> second.setField(Actor.agent("ana"), handed.id(), "NOTA", note));
            }
            int writes = racing.writes();
            assertThatThrownBy(() -> first.setField(Actor.agent("ana"), handed.id(), "MONTO", "1500"))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(read(handed.id()).fields()).doesNotContainKey("MONTO");
            assertThat(racing.writes() - writes)
                    .as("bounded: it gave up after a fixed number of tries")
                    .isGreaterThan(1)
                    .isLessThan(100);
        }
    }
}
