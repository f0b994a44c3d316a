package io.campaignkit.store.jdbc;

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
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two desks on one H2 database, each on a thread of its own, handing off and closing at once: whatever the
 * interleaving the database gives, no call fails stale, no conversation is assigned twice and no agent goes
 * over capacity.
 */
class H2TwoDesksOnThreadsTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("cobranza");
    private static final int PER_DESK = 25;

    private final JdbcCampaignStore store = H2Databases.freshStore();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        threads.shutdownNow();
        store.close();
    }

    private ConversationDesk desk() {
        return ConversationDesk.builder()
                .storage(JdbcDeskStore.on(JdbcCampaignStore.builder()
                                .dataSource(store.dataSource())
                                .build())
                        .storage())
                .channel((conversation, message) -> {})
                .clock(Clock.fixed(Instant.parse("2026-06-01T15:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    @Test
    void twoDesksOnTwoThreadsKeepTheAssignmentRules() throws Exception {
        ConversationDesk one = desk();
        ConversationDesk two = desk();
        Actor admin = Actor.administrator("admin");
        one.configure(
                admin,
                DeskSettings.of(
                        CAMPAIGN,
                        "q",
                        AssignmentMethod.SMART,
                        new Dispositions("SIN_RESPUESTA", "TRANSFERIDA", "MASIVA", List.of("PAGO_PROMETIDO"))));
        Map<String, Integer> capacities = Map.of("ana", 2, "beto", 1, "carla", 3);
        capacities.forEach((id, capacity) -> {
            one.registerAgent(admin, Agent.of(id, capacity, Set.of("q"), Instant.parse("2026-06-01T15:00:00Z")));
            two.changeStatus(Actor.agent(id), id, AgentStatus.ONLINE);
        });
        JdbcDeskStore reader = JdbcDeskStore.on(store);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (ConversationDesk desk : List.of(one, two)) {
            String prefix = desk == one ? "one-" : "two-";
            work.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < PER_DESK; i++) {
                    desk.handOff(new Handoff(
                            prefix + i,
                            CAMPAIGN,
                            PhoneNumber.parse(String.format("+52155%08d", (desk == one ? 10_000_000 : 20_000_000) + i)),
                            "",
                            Map.of()));
                    if (i % 2 == 1) {
                        closeOneAssigned(desk, reader);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> done : work) {
            done.get(2, TimeUnit.MINUTES); // a stale failure would surface here
        }

        JdbcDeskStore data = reader;
        Map<String, Integer> loads = new HashMap<>();
        for (DeskConversation conversation : data.findConversations(DeskQuery.all())) {
            conversation.agentId().ifPresent(agent -> loads.merge(agent, 1, Integer::sum));
            long assignments = data.transcript(conversation.id(), Instant.EPOCH).stream()
                    .map(TranscriptEntry::text)
                    .filter(text -> text.startsWith("assigned to"))
                    .count();
            assertThat(assignments)
                    .as("assignments of " + conversation.id())
                    .isEqualTo(conversation.firstAssignedAt().isPresent() ? 1 : 0);
        }
        loads.forEach(
                (agent, load) -> assertThat(load).as("load of " + agent).isLessThanOrEqualTo(capacities.get(agent)));
        assertThat(data.findConversations(DeskQuery.all())).hasSize(2 * PER_DESK);
    }

    private static void closeOneAssigned(ConversationDesk desk, JdbcDeskStore reader) {
        for (String agent : List.of("ana", "beto", "carla")) {
            for (DeskConversation open : reader.findConversations(
                    DeskQuery.inStates(DeskState.WITH_AGENT).agent(agent))) {
                try {
                    desk.close(Actor.agent(agent), open.id(), "PAGO_PROMETIDO");
                    return;
                } catch (DeskRefusedException closedByTheOther) {
                    // the other desk closed it first: try another
                }
            }
        }
    }
}
