package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.Author;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskHours;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.port.DeskQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Deterministic simulation of the desk: from one seed, agents going online, away, offline and logging out,
 * handoffs, contacts' messages (some redelivered), agents' messages, transfers, mass transfers, closes (some
 * with a wrong disposition or missing fields), time passing through the desk's hours. After every step the
 * issue's invariants are checked. A failure names the seed, which replays the run:
 * {@code -Dtest=DeskSimulationProperties -Dcampaignkit.desk.seed=<seed>}.
 */
class DeskSimulationProperties {

    private static final int AGENTS = 5;
    private static final int STEPS = 60;
    private static final ActiveHours NINE_TO_FIVE = ActiveHours.builder(ZoneOffset.UTC)
            .everyDay(LocalTime.of(9, 0), LocalTime.of(17, 0))
            .build();

    @Property
    void theDeskKeepsEveryRuleUnderRandomAgentsAndConversations(@ForAll long seed) {
        try {
            new Simulation(seed).run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "desk simulation failed; replay with seed " + seed + ": " + failure.getMessage(), failure);
        }
    }

    @Example
    void replaysTheSeedGivenOnTheCommandLine() {
        String seed = System.getProperty("campaignkit.desk.seed");
        Assume.that(seed != null && !seed.isBlank());
        theDeskKeepsEveryRuleUnderRandomAgentsAndConversations(Long.parseLong(seed.strip()));
    }

    /**
     * Round robin, all agents ONLINE with room all along: the counts differ by at most one. Fewer tries than
     * the simulation: each is a plain rotation, and the simulation already runs a thousand.
     */
    @Property(tries = 200)
    void roundRobinCountsStayWithinOneUnderEqualAvailability(@ForAll long seed) {
        Random random = new Random(seed);
        DeskFixture f = new DeskFixture().configured(DeskFixture.settings(AssignmentMethod.ROUND_ROBIN));
        int agents = 2 + random.nextInt(4);
        for (int i = 0; i < agents; i++) {
            f.agent("a" + i, 1_000, AgentStatus.ONLINE);
        }
        Map<String, Integer> counts = new HashMap<>();
        List<DeskConversation> open = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            if (!open.isEmpty() && random.nextInt(3) == 0) {
                DeskConversation c = open.remove(random.nextInt(open.size()));
                f.desk.close(DeskFixture.SUPERVISOR, c.id(), "NO_INTERESADO");
            } else {
                DeskConversation c = f.handOff(random.nextInt(1_000));
                counts.merge(c.agentId().orElseThrow(), 1, Integer::sum);
                open.add(c);
            }
            int min = java.util.stream.IntStream.range(0, agents)
                    .map(i -> counts.getOrDefault("a" + i, 0))
                    .min()
                    .orElseThrow();
            int max = java.util.stream.IntStream.range(0, agents)
                    .map(i -> counts.getOrDefault("a" + i, 0))
                    .max()
                    .orElseThrow();
            assertThat(max - min).as("round-robin counts " + counts).isLessThanOrEqualTo(1);
        }
    }

    private static final class Simulation {
        private final Random random;
        private final DeskFixture f = new DeskFixture();
        private final List<CampaignId> campaigns = List.of(CampaignId.of("rr"), CampaignId.of("smart"));
        private final Map<String, Integer> accepted = new HashMap<>();
        private final List<String> log = new ArrayList<>();
        private int handoffs;
        private int messages;

        Simulation(long seed) {
            random = new Random(seed);
            boolean reassign = random.nextBoolean();
            boolean hours = random.nextBoolean();
            for (CampaignId campaign : campaigns) {
                DeskSettings settings = DeskSettings.of(
                                campaign,
                                campaign.value(),
                                campaign.value().equals("rr") ? AssignmentMethod.ROUND_ROBIN : AssignmentMethod.SMART,
                                DeskFixture.DISPOSITIONS)
                        .withPolicies(ConversationPolicies.PERMISSIVE.withReassignWhenExclusiveOffline(reassign))
                        .withFields(List.of(io.campaignkit.desk.FieldDefinition.text("NOTA", random.nextBoolean())))
                        .withInactivityTimeout(Duration.ofMinutes(30 + random.nextInt(120)));
                if (hours) {
                    settings = settings.withHours(
                            new DeskHours(NINE_TO_FIVE, OutOfHoursPolicy.Action.QUEUE, false, Optional.empty(), false));
                }
                f.configured(settings);
            }
            for (int i = 0; i < AGENTS; i++) {
                Set<String> queues = switch (random.nextInt(3)) {
                    case 0 -> Set.of("rr");
                    case 1 -> Set.of("smart");
                    default -> Set.of("rr", "smart");
                };
                f.desk.registerAgent(
                        DeskFixture.ADMIN, Agent.of("a" + i, 1 + random.nextInt(3), queues, f.clock.instant()));
            }
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                Before before = new Before(f);
                String action = act();
                log.add(action);
                check(before, action);
            }
        }

        private String act() {
            List<DeskConversation> open =
                    f.store.findConversations(DeskQuery.inStates(DeskState.WAITING, DeskState.WITH_AGENT));
            int choice = random.nextInt(10);
            try {
                switch (choice) {
                    case 0, 1 -> {
                        String agent = "a" + random.nextInt(AGENTS);
                        AgentStatus status = AgentStatus.values()[random.nextInt(4)];
                        f.desk.changeStatus(Actor.agent(agent), agent, status);
                        return "status " + agent + " " + status;
                    }
                    case 2, 3 -> {
                        CampaignId campaign = campaigns.get(random.nextInt(2));
                        String id = "conv-" + (++handoffs);
                        f.desk.handOff(new Handoff(id, campaign, DeskFixture.phone(random.nextInt(8)), "", Map.of()));
                        return "handoff " + id + " " + campaign;
                    }
                    case 4 -> {
                        String id = open.isEmpty()
                                ? "conv-0"
                                : open.get(random.nextInt(open.size())).id();
                        String messageId = "m"
                                + (random.nextInt(4) == 0 && messages > 0 ? random.nextInt(messages) + 1 : ++messages);
                        if (f.desk.onInbound(id, messageId, "texto " + messageId, f.clock.instant())) {
                            accepted.merge(id + "/" + messageId, 1, Integer::sum);
                        }
                        return "inbound " + id + " " + messageId;
                    }
                    case 5 -> {
                        DeskConversation c = pick(open);
                        Actor actor = Actor.agent(c.agentId().orElse("a" + random.nextInt(AGENTS)));
                        if (random.nextBoolean()) {
                            f.desk.setField(actor, c.id(), "NOTA", "ok");
                        }
                        f.desk.send(actor, c.id(), new AgentMessage.Text("hola"));
                        return "send " + c.id();
                    }
                    case 6 -> {
                        DeskConversation c = pick(open);
                        String to = "a" + random.nextInt(AGENTS);
                        f.desk.transfer(Actor.agent(c.agentId().orElse(to)), c.id(), to);
                        return "transfer " + c.id() + " " + to;
                    }
                    case 7 -> {
                        DeskConversation c = pick(open);
                        String disposition = random.nextInt(5) == 0 ? "INVENTADA" : "PAGO_PROMETIDO";
                        Actor actor = random.nextInt(4) == 0
                                ? DeskFixture.SUPERVISOR
                                : Actor.agent(c.agentId().orElse("a0"));
                        f.desk.close(actor, c.id(), disposition);
                        return "close " + c.id() + " " + disposition;
                    }
                    case 8 -> {
                        String from = "a" + random.nextInt(AGENTS);
                        Optional<String> to =
                                random.nextBoolean() ? Optional.empty() : Optional.of("a" + random.nextInt(AGENTS));
                        Actor actor = random.nextInt(4) == 0 ? Actor.agent(from) : DeskFixture.SUPERVISOR;
                        f.desk.massTransfer(actor, from, to);
                        return "mass " + from + " " + to;
                    }
                    default -> {
                        f.clock.advance(Duration.ofMinutes(1 + random.nextInt(random.nextInt(8) == 0 ? 600 : 40)));
                        f.desk.runDue();
                        return "advance to " + f.clock.instant();
                    }
                }
            } catch (CampaignKitException refused) {
                return "refused(" + choice + ") " + refused.code() + ": " + refused.getMessage();
            }
        }

        private DeskConversation pick(List<DeskConversation> open) {
            if (open.isEmpty()) {
                throw new io.campaignkit.desk.port.StaleDeskDataException("nothing open");
            }
            return open.get(random.nextInt(open.size()));
        }

        private void check(Before before, String action) {
            String trace = "after " + log.subList(Math.max(0, log.size() - 8), log.size());
            List<DeskConversation> all = f.store.findConversations(DeskQuery.all());
            Map<String, Agent> agents = f.store.agents().stream().collect(Collectors.toMap(Agent::id, a -> a));
            if (action.startsWith("refused")) {
                assertThat(all).as("a refused action changed nothing; " + trace).isEqualTo(before.conversations);
                assertThat(f.store.agents())
                        .as("a refused action changed nothing; " + trace)
                        .isEqualTo(before.agents);
                assertThat(transcriptSize(all))
                        .as("a refused action wrote nothing; " + trace)
                        .isEqualTo(before.transcript);
                assertThat(f.channel.sent).as(trace).hasSize(before.sent);
            }
            Map<String, Integer> loads = new HashMap<>();
            for (DeskConversation c : all) {
                assertThat(c.agentId().isPresent())
                        .as("one agent exactly when WITH_AGENT; " + trace)
                        .isEqualTo(c.state() == DeskState.WITH_AGENT);
                c.agentId().ifPresent(agent -> loads.merge(agent, 1, Integer::sum));
                if (c.state() == DeskState.CLOSED) {
                    assertThat(c.disposition())
                            .as("every close carries its disposition; " + trace)
                            .isPresent();
                }
                Optional<DeskConversation> earlier = before.find(c.id());
                boolean newlyAssigned =
                        c.agentId().isPresent() && !c.agentId().equals(earlier.flatMap(DeskConversation::agentId));
                if (newlyAssigned) {
                    assertThat(agents.get(c.agentId().get()).status())
                            .as("assigned only to ONLINE agents; " + trace)
                            .isEqualTo(AgentStatus.ONLINE);
                }
            }
            loads.forEach((agent, load) -> assertThat(load)
                    .as("agent " + agent + " within capacity; " + trace)
                    .isLessThanOrEqualTo(agents.get(agent).capacity()));
            for (String queue : List.of("rr", "smart")) {
                long lastAssigned = all.stream()
                        .filter(c -> c.queue().equals(queue)
                                && c.state() == DeskState.WITH_AGENT
                                && before.find(c.id())
                                        .map(b -> b.state() == DeskState.WAITING)
                                        .orElse(true))
                        .mapToLong(DeskConversation::queuePosition)
                        .max()
                        .orElse(Long.MIN_VALUE);
                long firstWaiting = all.stream()
                        .filter(c -> c.queue().equals(queue) && c.state() == DeskState.WAITING)
                        .mapToLong(DeskConversation::queuePosition)
                        .min()
                        .orElse(Long.MAX_VALUE);
                assertThat(lastAssigned)
                        .as("waiting conversations of " + queue + " assigned in arrival order; " + trace)
                        .isLessThan(firstWaiting);
            }
            accepted.keySet().forEach(key -> {
                String[] parts = key.split("/");
                long kept = f.store.transcript(parts[0], Instant.EPOCH).stream()
                        .filter(e ->
                                e.author() == Author.CONTACT && e.messageId().equals(Optional.of(parts[1])))
                        .count();
                assertThat(kept)
                        .as("message " + key + " kept exactly once; " + trace)
                        .isEqualTo(1);
            });
            long agentMessages = all.stream()
                    .flatMap(c -> f.store.transcript(c.id(), Instant.EPOCH).stream())
                    .filter(e -> e.author() == Author.AGENT)
                    .count();
            assertThat(agentMessages)
                    .as("every agent message sent once and kept once; " + trace)
                    .isEqualTo(f.channel.sent.size());
        }

        private int transcriptSize(List<DeskConversation> all) {
            return all.stream()
                    .mapToInt(c -> f.store.transcript(c.id(), Instant.EPOCH).size())
                    .sum();
        }

        /** What the desk kept before a step. */
        private final class Before {
            final List<DeskConversation> conversations;
            final List<Agent> agents;
            final int transcript;
            final int sent;

            Before(DeskFixture fixture) {
                conversations = fixture.store.findConversations(DeskQuery.all());
                agents = fixture.store.agents();
                transcript = transcriptSize(conversations);
                sent = fixture.channel.sent.size();
            }

            Optional<DeskConversation> find(String id) {
                return conversations.stream().filter(c -> c.id().equals(id)).findFirst();
            }
        }
    }
}
