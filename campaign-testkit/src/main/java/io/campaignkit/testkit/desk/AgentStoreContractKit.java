package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.StaleDeskDataException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract kit of {@link AgentStore}: extend it and return a new, empty store from {@link #store()}. */
public abstract class AgentStoreContractKit extends DeskContractSupport {

    /** For subclasses. */
    protected AgentStoreContractKit() {}

    /** A new, empty store. */
    protected abstract AgentStore store();

    private AgentStore store;

    @BeforeEach
    void newStore() {
        store = store();
    }

    /** Agents are saved whole and optimistically versioned. */
    @Nested
    @DisplayName("versioned saves")
    public class VersionedSaves {

        @Test
        void anAgentReadsBackWithEveryPart() {
            Agent saved = store.saveAgent(Agent.of("ana", 3, Set.of("cobranza", "ventas"), at(0)));
            Agent online =
                    store.saveAgent(saved.withStatus(AgentStatus.ONLINE, at(5)).withRotation(7));
            assertThat(online.version()).isEqualTo(2);
            Agent read = store.findAgent("ana").orElseThrow();
            assertThat(read).isEqualTo(online);
            assertThat(read.queues()).containsExactlyInAnyOrder("cobranza", "ventas");
            assertThat(read.idleSince()).isEqualTo(at(5));
            assertThat(read.rotation()).isEqualTo(7);
            assertThat(read.capacity()).isEqualTo(3);
        }

        @Test
        void aSaveFromAStaleReadIsRefusedAndChangesNothing() {
            Agent saved = store.saveAgent(Agent.of("ana", 3, Set.of("cobranza"), at(0)));
            store.saveAgent(saved.withStatus(AgentStatus.ONLINE, at(1)));
            assertThatThrownBy(() -> store.saveAgent(saved.withStatus(AgentStatus.AWAY, at(2))))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findAgent("ana").orElseThrow().status()).isEqualTo(AgentStatus.ONLINE);
        }

        @Test
        void aSecondNewAgentWithTheSameIdIsRefused() {
            store.saveAgent(Agent.of("ana", 3, Set.of("cobranza"), at(0)));
            assertThatThrownBy(() -> store.saveAgent(Agent.of("ana", 1, Set.of("ventas"), at(0))))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findAgent("ana").orElseThrow().capacity()).isEqualTo(3);
        }
    }

    /** Listing. */
    @Nested
    @DisplayName("listing")
    public class Listing {

        @Test
        void agentsComeById() {
            store.saveAgent(Agent.of("carla", 1, Set.of("q"), at(0)));
            store.saveAgent(Agent.of("ana", 1, Set.of("q"), at(0)));
            store.saveAgent(Agent.of("beto", 1, Set.of("q"), at(0)));
            assertThat(store.agents().stream().map(Agent::id)).containsExactly("ana", "beto", "carla");
            assertThat(store.findAgent("dora")).isEmpty();
        }
    }
}
