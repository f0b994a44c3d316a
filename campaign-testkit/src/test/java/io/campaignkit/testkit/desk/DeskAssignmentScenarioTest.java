package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.desk.Actor;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Capabilities 2, 3 and 4: agents, round robin and smart assignment, the waiting queue, reassignment. */
class DeskAssignmentScenarioTest {

    @Nested
    class RoundRobin {

        @Test
        void rotatesAmongOnlineAgentsAndKeepsTheCountsWithinOne() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.ROUND_ROBIN))
                    .agent("ana", 100, AgentStatus.ONLINE)
                    .agent("beto", 100, AgentStatus.ONLINE)
                    .agent("carla", 100, AgentStatus.ONLINE);
            List<String> agents = IntStream.range(0, 10)
                    .mapToObj(i -> f.handOff(i).agentId().orElseThrow())
                    .toList();
            assertThat(agents)
                    .containsExactly("ana", "beto", "carla", "ana", "beto", "carla", "ana", "beto", "carla", "ana");
        }

        @Test
        void skipsAgentsThatAreNotOnlineOrFull() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.ROUND_ROBIN))
                    .agent("ana", 1, AgentStatus.ONLINE)
                    .agent("beto", 5, AgentStatus.AWAY)
                    .agent("carla", 5, AgentStatus.ONLINE);
            assertThat(f.handOff(1).agentId()).contains("ana");
            assertThat(f.handOff(2).agentId()).contains("carla");
            assertThat(f.handOff(3).agentId()).as("ana is full, beto away").contains("carla");
        }
    }

    @Nested
    class Smart {

        @Test
        void takesTheLeastLoadedAgentTiesToTheLongestIdle() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART))
                    .agent("ana", 5, AgentStatus.ONLINE);
            f.clock.advance(Duration.ofMinutes(1));
            f.agent("beto", 5, AgentStatus.ONLINE);
            assertThat(f.handOff(1).agentId()).as("equal load: ana idle longer").contains("ana");
            assertThat(f.handOff(2).agentId()).as("beto has fewer").contains("beto");
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(f.handOff(3).agentId())
                    .as("equal load, ana's last change was earlier")
                    .contains("ana");
        }

        @Test
        void givesTheContactToItsPreviousAgentWhenOnlineWithRoom() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART))
                    .agent("ana", 5, AgentStatus.ONLINE)
                    .agent("beto", 5, AgentStatus.ONLINE);
            f.handOff(1);
            DeskConversation first = f.handOff(2);
            assertThat(first.agentId()).contains("beto");
            f.desk.close(Actor.agent("beto"), first.id(), "NO_INTERESADO");
            f.handOff(3); // ana now has 2, beto 0
            f.handOff(4);
            DeskConversation again = f.handOff(2);
            assertThat(again.exclusiveAgent()).contains("beto");
            assertThat(again.agentId())
                    .as("the exclusive agent first, though not least loaded")
                    .contains("beto");
        }
    }

    @Nested
    class Queue {

        @Test
        void noFreeAgentMeansWaitingFirstComeFirstServedAsAgentsFreeUp() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART))
                    .agent("ana", 1, AgentStatus.ONLINE);
            DeskConversation first = f.handOff(1);
            DeskConversation second = f.handOff(2);
            DeskConversation third = f.handOff(3);
            assertThat(f.get(second.id()).state()).isEqualTo(DeskState.WAITING);
            f.desk.close(Actor.agent("ana"), first.id(), "NO_INTERESADO");
            assertThat(f.get(second.id()).agentId()).contains("ana");
            assertThat(f.get(third.id()).state()).isEqualTo(DeskState.WAITING);
            f.agent("beto", 1, AgentStatus.ONLINE);
            assertThat(f.get(third.id()).agentId()).contains("beto");
        }

        @Test
        void neverAssignsToAnAgentAwayOfflineOrLoggedOut() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.ROUND_ROBIN))
                    .agent("ana", 5, AgentStatus.AWAY)
                    .agent("beto", 5, AgentStatus.OFFLINE)
                    .agent("carla", 5, AgentStatus.LOGGED_OUT);
            assertThat(f.handOff(1).state()).isEqualTo(DeskState.WAITING);
            f.desk.runDue();
            assertThat(f.store.findConversations(io.campaignkit.desk.port.DeskQuery.inStates(DeskState.WITH_AGENT)))
                    .isEmpty();
        }
    }

    @Nested
    class Reassignment {

        @Test
        void anExclusiveAgentGoingOfflinePutsItsConversationsBackInTheQueueInOrder() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART))
                    .agent("ana", 3, AgentStatus.ONLINE);
            List<DeskConversation> conversations = List.of(f.handOff(1), f.handOff(2), f.handOff(3));
            f.agent("beto", 2, AgentStatus.ONLINE);
            f.desk.changeStatus(Actor.agent("ana"), "ana", AgentStatus.LOGGED_OUT);
            Map<String, String> agents = new HashMap<>();
            conversations.forEach(
                    c -> agents.put(c.id(), f.get(c.id()).agentId().orElse("waiting")));
            assertThat(agents)
                    .containsEntry(conversations.get(0).id(), "beto")
                    .containsEntry(conversations.get(1).id(), "beto")
                    .containsEntry(conversations.get(2).id(), "waiting");
        }

        @Test
        void withoutThePolicyTheConversationsStayWithTheAgentAndNothingNewGoesToIt() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withPolicies(ConversationPolicies.PERMISSIVE.withReassignWhenExclusiveOffline(false)))
                    .agent("ana", 3, AgentStatus.ONLINE);
            DeskConversation conversation = f.handOff(1);
            f.desk.changeStatus(DeskFixture.SUPERVISOR, "ana", AgentStatus.OFFLINE);
            assertThat(f.get(conversation.id()).agentId()).contains("ana");
            assertThat(f.handOff(2).state()).isEqualTo(DeskState.WAITING);
        }
    }
}
