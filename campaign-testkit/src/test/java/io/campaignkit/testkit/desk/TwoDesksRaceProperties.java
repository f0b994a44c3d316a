package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Two desks on one store, the second one's operations run between the first one's reads and writes at random
 * points (an {@link InterleavedDeskStorage}): handoffs, agents coming ONLINE or going AWAY, closes, runs. After
 * every step: no operation failed stale, no conversation was assigned twice, no agent is over capacity,
 * conversations were assigned in arrival order (queue position), and nothing waits while an ONLINE agent has
 * room. A failure names the seed.
 */
class TwoDesksRaceProperties {

    private static final CampaignId CAMPAIGN = CampaignId.of("cobranza");
    private static final int AGENTS = 3;
    private static final int STEPS = 40;

    @Property
    void twoDesksOnOneStoreKeepTheAssignmentRules(@ForAll long seed) {
        Race race = new Race(seed);
        try {
            race.run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "two-desk race failed with seed " + seed + " after " + race.log + ": " + failure.getMessage(),
                    failure);
        }
    }

    private static final class Race {
        private final Random random;
        private final ManualClock clock = ManualClock.ofDefaults();
        private final InMemoryDeskStore store = new InMemoryDeskStore();
        private final InterleavedDeskStorage racing = InterleavedDeskStorage.over(store.storage());
        private final ConversationDesk first;
        private final ConversationDesk second;
        private final Map<String, Integer> capacities = new HashMap<>();
        private final List<String> log = new ArrayList<>();
        private int handoffs;

        Race(long seed) {
            random = new Random(seed);
            first = ConversationDesk.builder()
                    .storage(racing.storage())
                    .channel((c, m) -> {})
                    .clock(clock)
                    .build();
            second = ConversationDesk.builder()
                    .storage(store.storage())
                    .channel((c, m) -> {})
                    .clock(clock)
                    .build();
            AssignmentMethod method = random.nextBoolean() ? AssignmentMethod.SMART : AssignmentMethod.ROUND_ROBIN;
            first.configure(
                    DeskFixture.ADMIN,
                    DeskSettings.of(CAMPAIGN, "q", method, DeskFixture.DISPOSITIONS)
                            .withInactivityTimeout(Duration.ofDays(1)));
            for (int i = 0; i < AGENTS; i++) {
                int capacity = 1 + random.nextInt(2);
                capacities.put("a" + i, capacity);
                second.registerAgent(DeskFixture.ADMIN, Agent.of("a" + i, capacity, Set.of("q"), clock.instant()));
            }
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                clock.advance(Duration.ofSeconds(1 + random.nextInt(30)));
                int kind = random.nextInt(4);
                // the second desk's operations, to run at any of the first desk's next writes (a handoff's first
                // one included: the queue stays first come, first served whichever desk hands off in between)
                for (int racers = random.nextInt(3); racers > 0; racers--) {
                    int other = random.nextInt(4);
                    racing.beforeWrite(1 + random.nextInt(3), () -> act(second, other, "second"));
                }
                act(first, kind, "first");
                racing.runPendingSteps();
                check();
            }
        }

        private void act(ConversationDesk desk, int kind, String who) {
            try {
                switch (kind) {
                    case 0 -> {
                        String id = "conv-" + (++handoffs);
                        log.add(who + " hands off " + id);
                        desk.handOff(new Handoff(
                                id,
                                CAMPAIGN,
                                PhoneNumber.parse(String.format("+52155%08d", 10_000_000 + handoffs)),
                                "",
                                Map.of()));
                    }
                    case 1 -> {
                        String agent = "a" + random.nextInt(AGENTS);
                        AgentStatus status = random.nextInt(3) == 0 ? AgentStatus.AWAY : AgentStatus.ONLINE;
                        log.add(who + " sets " + agent + " " + status);
                        desk.changeStatus(Actor.agent(agent), agent, status);
                    }
                    case 2 -> {
                        List<DeskConversation> assigned =
                                store.findConversations(DeskQuery.inStates(DeskState.WITH_AGENT));
                        if (assigned.isEmpty()) {
                            return;
                        }
                        DeskConversation closing = assigned.get(random.nextInt(assigned.size()));
                        log.add(who + " closes " + closing.id());
                        desk.close(Actor.agent(closing.agentId().orElseThrow()), closing.id(), "PAGO_PROMETIDO");
                    }
                    default -> {
                        log.add(who + " runs");
                        desk.runDue();
                    }
                }
            } catch (DeskRefusedException refused) {
                // the rules' answer to what the other desk did first (a conversation it closed, say): fine
                log.add(who + " refused: " + refused.code());
            }
        }

        private void check() {
            List<DeskConversation> all = store.findConversations(DeskQuery.all());
            Map<String, Integer> loads = new HashMap<>();
            for (DeskConversation conversation : all) {
                conversation.agentId().ifPresent(agent -> loads.merge(agent, 1, Integer::sum));
                assertThat(assignments(conversation.id()).size())
                        .as("assignments of " + conversation.id())
                        .isEqualTo(conversation.firstAssignedAt().isPresent() ? 1 : 0);
            }
            loads.forEach((agent, load) ->
                    assertThat(load).as("load of " + agent).isLessThanOrEqualTo(capacities.get(agent)));

            List<DeskConversation> assigned = all.stream()
                    .filter(c -> c.firstAssignedAt().isPresent())
                    .sorted(Comparator.comparingLong(
                            c -> assignments(c.id()).get(0).sequence()))
                    .toList();
            assertThat(assigned)
                    .as("first assignments in arrival order")
                    .isSortedAccordingTo(Comparator.comparingLong(DeskConversation::queuePosition));
            long lastAssigned = assigned.stream()
                    .mapToLong(DeskConversation::queuePosition)
                    .max()
                    .orElse(0);
            List<DeskConversation> waiting =
                    all.stream().filter(c -> c.state() == DeskState.WAITING).toList();
            waiting.forEach(c -> assertThat(c.queuePosition())
                    .as(c.id() + " waits behind a later one that was assigned")
                    .isGreaterThan(lastAssigned));
            if (!waiting.isEmpty()) {
                for (Agent agent : store.agents()) {
                    if (agent.status() == AgentStatus.ONLINE) {
                        assertThat(loads.getOrDefault(agent.id(), 0))
                                .as(agent.id() + " has room while "
                                        + waiting.get(0).id() + " waits")
                                .isEqualTo(agent.capacity());
                    }
                }
            }
        }

        private List<TranscriptEntry> assignments(String conversationId) {
            return store.transcript(conversationId, Instant.EPOCH).stream()
                    .filter(entry -> entry.text().startsWith("assigned to"))
                    .toList();
        }
    }
}
