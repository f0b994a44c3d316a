package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.StaleDeskDataException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link DeskConversationStore}: extend it and return a new, empty store from {@link #store()}.
 * The checks are grouped by rule in {@code @Nested} classes.
 */
public abstract class DeskConversationStoreContractKit extends DeskContractSupport {

    /** For subclasses. */
    protected DeskConversationStoreContractKit() {}

    /** A new, empty store. */
    protected abstract DeskConversationStore store();

    private DeskConversationStore store;

    @BeforeEach
    void newStore() {
        store = store();
    }

    /** Saves are optimistically versioned. */
    @Nested
    @DisplayName("versioned saves")
    public class VersionedSaves {

        @Test
        void aNewConversationIsStoredAtVersionOneAndReadBackWhole() {
            DeskConversation saved = store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            assertThat(saved.version()).isEqualTo(1);
            assertThat(store.findConversation("conv-1")).contains(saved);
            assertThat(saved.fields()).containsEntry("MONTO", "1500");
            assertThat(saved.note()).isEqualTo("note of conv-1");
        }

        @Test
        void aChangeFromTheStoredVersionIsStoredAndEveryPartReadsBack() {
            DeskConversation saved = store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            DeskConversation assigned = store.saveConversation(saved.toBuilder()
                    .assigned("ana", at(10))
                    .firstResponseAt(at(20))
                    .activityAt(at(20))
                    .disposition("TRANSFER")
                    .build());
            DeskConversation closed = store.saveConversation(assigned.toBuilder()
                    .closed("PAGO", "ana", at(30))
                    .fields(Map.of("MONTO", "1500", "FECHA", "2026-06-02"))
                    .surveyAnswers(Map.of("Q1", "5"))
                    .build());
            assertThat(closed.version()).isEqualTo(3);
            DeskConversation read = store.findConversation("conv-1").orElseThrow();
            assertThat(read).isEqualTo(closed);
            assertThat(read.exclusiveAgent()).contains("ana");
            assertThat(read.firstAssignedAt()).contains(at(10));
            assertThat(read.firstResponseAt()).contains(at(20));
            assertThat(read.closedAt()).contains(at(30));
            assertThat(read.surveyAnswers()).containsEntry("Q1", "5");
        }

        @Test
        void aSaveFromAStaleReadIsRefusedAndChangesNothing() {
            DeskConversation saved = store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            store.saveConversation(saved.toBuilder().assigned("ana", at(10)).build());
            assertThatThrownBy(() -> store.saveConversation(
                            saved.toBuilder().assigned("beto", at(11)).build()))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findConversation("conv-1").orElseThrow().agentId()).contains("ana");
        }

        @Test
        void aSecondNewConversationWithTheSameIdIsRefused() {
            store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            assertThatThrownBy(() -> store.saveConversation(waiting("conv-1", "c-2", "otra", 2, 2)))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findConversation("conv-1").orElseThrow().campaignId())
                    .isEqualTo(CampaignId.of("c-1"));
        }

        @Test
        void anUnknownConversationIsNotFound() {
            assertThat(store.findConversation("nope")).isEmpty();
        }
    }

    /** Queries select by every part given, in queue order. */
    @Nested
    @DisplayName("queries")
    public class Queries {

        @BeforeEach
        void storeSome() {
            store.saveConversation(waiting("b", "c-1", "cobranza", 1, 3));
            DeskConversation a = store.saveConversation(waiting("a", "c-1", "cobranza", 2, 1));
            store.saveConversation(a.toBuilder().assigned("ana", at(5)).build());
            store.saveConversation(waiting("c", "c-2", "ventas", 1, 2));
        }

        @Test
        void conversationsComeInQueueOrder() {
            assertThat(store.findConversations(DeskQuery.all()).stream().map(DeskConversation::id))
                    .containsExactly("a", "c", "b");
        }

        @Test
        void eachPartOfAQueryNarrowsIt() {
            assertThat(ids(DeskQuery.inStates(DeskState.WAITING))).containsExactly("c", "b");
            assertThat(ids(DeskQuery.all().campaign(CampaignId.of("c-1")))).containsExactly("a", "b");
            assertThat(ids(DeskQuery.all().queue("ventas"))).containsExactly("c");
            assertThat(ids(DeskQuery.all().agent("ana"))).containsExactly("a");
            assertThat(ids(DeskQuery.all().phone(phone(1)))).containsExactly("c", "b");
            assertThat(ids(DeskQuery.inStates(DeskState.WAITING).phone(phone(1)).campaign(CampaignId.of("c-1"))))
                    .containsExactly("b");
            assertThat(ids(DeskQuery.inStates(DeskState.CLOSED))).isEmpty();
        }

        private List<String> ids(DeskQuery query) {
            return store.findConversations(query).stream()
                    .map(DeskConversation::id)
                    .toList();
        }
    }

    /**
     * The queue: a new conversation's position is taken by the store in the write that stores it, so the queue
     * read by any desk is first come, first served; rotations come from the same desk-wide sequence.
     */
    @Nested
    @DisplayName("queue positions")
    public class QueuePositions {

        @Test
        void enqueuedConversationsTakeIncreasingPositionsInTheOrderEnqueued() {
            DeskConversation first = store.enqueue(waiting("b", "c-1", "cobranza", 1, 99));
            DeskConversation second = store.enqueue(waiting("a", "c-1", "cobranza", 2, 5));
            DeskConversation third = store.enqueue(waiting("c", "c-2", "ventas", 3, 0));
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.queuePosition()).isPositive();
            assertThat(second.queuePosition()).isGreaterThan(first.queuePosition());
            assertThat(third.queuePosition()).isGreaterThan(second.queuePosition());
            assertThat(store.findConversation("a")).contains(second);
            assertThat(store.findConversations(DeskQuery.inStates(DeskState.WAITING)).stream()
                            .map(DeskConversation::id))
                    .as("the given positions are replaced: the queue is in the order enqueued")
                    .containsExactly("b", "a", "c");
        }

        @Test
        void anEnqueueOfAStoredIdIsRefusedAndChangesNothing() {
            DeskConversation stored = store.enqueue(waiting("conv-1", "c-1", "cobranza", 1, 1));
            assertThatThrownBy(() -> store.enqueue(waiting("conv-1", "c-2", "otra", 2, 2)))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findConversations(DeskQuery.all())).containsExactly(stored);
        }

        @Test
        void onlyANewWaitingConversationIsEnqueued() {
            DeskConversation stored = store.enqueue(waiting("conv-1", "c-1", "cobranza", 1, 1));
            assertThatThrownBy(() -> store.enqueue(stored))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("conv-1");
            DeskConversation assigned = waiting("conv-2", "c-1", "cobranza", 2, 2).toBuilder()
                    .assigned("ana", at(3))
                    .build();
            assertThatThrownBy(() -> store.enqueue(assigned))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("WITH_AGENT");
            assertThat(store.findConversations(DeskQuery.all())).containsExactly(stored);
        }

        /**
         * Four writers enqueue at once, each reading the queue right after its own enqueue returned: a read that
         * shows a conversation shows every one with an earlier position (else a desk could serve a later
         * hand-off while an earlier one is not yet visible).
         */
        @Test
        void noConversationIsVisibleBeforeOneWithAnEarlierPosition() throws Exception {
            int writers = 4;
            int each = 15;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Map.Entry<Long, Set<String>>>>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<Map.Entry<Long, Set<String>>> seen = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            int n = writer * each + i;
                            long position = store.enqueue(waiting("w" + n, "c-1", "cobranza", n, 1))
                                    .queuePosition();
                            Set<String> visible = new HashSet<>();
                            store.findConversations(DeskQuery.inStates(DeskState.WAITING))
                                    .forEach(c -> visible.add(c.id()));
                            seen.add(Map.entry(position, visible));
                        }
                        return seen;
                    }));
                }
                start.countDown();
                List<Map.Entry<Long, Set<String>>> observations = new ArrayList<>();
                for (Future<List<Map.Entry<Long, Set<String>>>> future : futures) {
                    observations.addAll(future.get(60, TimeUnit.SECONDS));
                }
                List<DeskConversation> all = store.findConversations(DeskQuery.all());
                assertThat(all).hasSize(writers * each);
                assertThat(all.stream().map(DeskConversation::queuePosition).distinct())
                        .hasSize(writers * each);
                for (Map.Entry<Long, Set<String>> observation : observations) {
                    for (DeskConversation conversation : all) {
                        if (conversation.queuePosition() < observation.getKey()) {
                            assertThat(observation.getValue())
                                    .as("a read after position %d was stored", observation.getKey())
                                    .contains(conversation.id());
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aRotatedAgentTakesTheNextValueOfTheSequenceWithItsConversation() {
            AgentStore agents = agentsToo(store);
            Agent ana = agents.saveAgent(Agent.of("ana", 2, Set.of("cobranza"), at(0)));
            DeskConversation one = store.enqueue(waiting("conv-1", "c-1", "cobranza", 1, 1));
            DeskConversation two = store.enqueue(waiting("conv-2", "c-1", "cobranza", 2, 2));
            Agent once =
                    store.saveRotated(one.toBuilder().assigned("ana", at(5)).build(), ana.withIdleSince(at(5)));
            assertThat(once.rotation()).isGreaterThan(two.queuePosition());
            assertThat(once.version()).isEqualTo(2);
            assertThat(once.idleSince()).isEqualTo(at(5));
            Agent twice =
                    store.saveRotated(two.toBuilder().assigned("ana", at(6)).build(), once);
            assertThat(twice.rotation()).isGreaterThan(once.rotation());
            assertThat(agents.findAgent("ana")).contains(twice);
            assertThat(store.findConversation("conv-2").orElseThrow().agentId()).contains("ana");
        }

        @Test
        void aStaleRotationStoresNeitherTheConversationNorTheAgent() {
            AgentStore agents = agentsToo(store);
            Agent ana = agents.saveAgent(Agent.of("ana", 2, Set.of("cobranza"), at(0)));
            Agent moved = agents.saveAgent(ana.withIdleSince(at(1))); // another desk assigned to ana meanwhile
            DeskConversation one = store.enqueue(waiting("conv-1", "c-1", "cobranza", 1, 1));
            assertThatThrownBy(() -> store.saveRotated(
                            one.toBuilder().assigned("ana", at(5)).build(), ana))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findConversation("conv-1")).contains(one);
            assertThat(agents.findAgent("ana")).contains(moved);
        }

        @Test
        void anAbsentExclusiveAgentStaysAbsent() {
            DeskConversation saved = store.saveConversation(waiting("x", "c-1", "cobranza", 1, 1));
            assertThat(saved.exclusiveAgent()).isEqualTo(Optional.empty());
            assertThat(saved.disposition()).isEmpty();
        }
    }

    private static AgentStore agentsToo(DeskConversationStore store) {
        Assumptions.assumeTrue(store instanceof AgentStore, "the store keeps the agents too");
        return (AgentStore) store;
    }

    /**
     * An assignment's conversation and agent go as one write: all stored, or none when one is stale. Needs the
     * store to keep the agents too ({@link AgentStore}), as the desk's storage does.
     */
    @Nested
    @DisplayName("writes together")
    public class WritesTogether {

        private AgentStore agents() {
            return agentsToo(store);
        }

        @Test
        void conversationsAndAgentsAreStoredTogetherEachOneVersionOn() {
            AgentStore agents = agents();
            Agent ana = agents.saveAgent(Agent.of("ana", 2, Set.of("cobranza"), at(0)));
            DeskConversation one = store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            DeskConversation two = store.saveConversation(waiting("conv-2", "c-1", "cobranza", 2, 2));
            store.saveTogether(
                    List.of(
                            one.toBuilder().assigned("ana", at(5)).build(),
                            two.toBuilder().assigned("ana", at(5)).build()),
                    List.of(ana.withIdleSince(at(5)).withRotation(9)));
            assertThat(store.findConversation("conv-1").orElseThrow().agentId()).contains("ana");
            assertThat(store.findConversation("conv-2").orElseThrow().version()).isEqualTo(2);
            Agent read = agents.findAgent("ana").orElseThrow();
            assertThat(read.version()).isEqualTo(2);
            assertThat(read.rotation()).isEqualTo(9);
            assertThat(read.idleSince()).isEqualTo(at(5));
        }

        @Test
        void aStaleAgentStoresNoneOfTheConversations() {
            AgentStore agents = agents();
            Agent ana = agents.saveAgent(Agent.of("ana", 1, Set.of("cobranza"), at(0)));
            agents.saveAgent(ana.withIdleSince(at(1))); // another desk assigned to ana meanwhile
            DeskConversation one = store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            assertThatThrownBy(() -> store.saveTogether(
                            List.of(one.toBuilder().assigned("ana", at(5)).build()), List.of(ana.withIdleSince(at(5)))))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findConversation("conv-1")).contains(one);
            assertThat(agents.findAgent("ana").orElseThrow().version()).isEqualTo(2);
        }

        @Test
        void aStaleConversationStoresNeitherTheOthersNorTheAgent() {
            AgentStore agents = agents();
            Agent ana = agents.saveAgent(Agent.of("ana", 3, Set.of("cobranza"), at(0)));
            DeskConversation one = store.saveConversation(waiting("conv-1", "c-1", "cobranza", 1, 1));
            DeskConversation two = store.saveConversation(waiting("conv-2", "c-1", "cobranza", 2, 2));
            store.saveConversation(two.toBuilder().activityAt(at(9)).build());
            assertThatThrownBy(() -> store.saveTogether(
                            List.of(
                                    one.toBuilder().assigned("ana", at(5)).build(),
                                    two.toBuilder().assigned("ana", at(5)).build()),
                            List.of(ana.withIdleSince(at(5)))))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findConversation("conv-1")).contains(one);
            assertThat(agents.findAgent("ana")).contains(ana);
        }

        @Test
        void nothingToWriteWritesNothing() {
            store.saveTogether(List.of(), List.of());
            assertThat(store.findConversations(DeskQuery.all())).isEmpty();
        }
    }
}
