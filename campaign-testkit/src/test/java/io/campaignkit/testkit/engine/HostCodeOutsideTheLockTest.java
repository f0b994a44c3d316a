package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host's code (bots, the listener, the unrouted handler) never runs under the engine's lock: a
 * bot that takes its time delays neither the webhook's answer nor sending; a bot may answer after its
 * call returned; one contact's messages still reach its bot one at a time and in order. Waiting here is
 * on latches with a generous bound, never on the wall clock for timing.
 */
class HostCodeOutsideTheLockTest {

    private static final long BOUND_SECONDS = 10;

    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        callbacks.shutdownNow();
        caller.shutdownNow();
    }

    @Test
    void aBotThatIsStillThinkingDelaysNeitherTheWebhookNorSending() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingBot bot = new RecordingBot().answering((received, reply) -> {
            entered.countDown();
            await(release); // a balance lookup that takes long
        });
        CampaignScenario scenario = Fixtures.scenario()
                .bot(Fixtures.BOT, bot)
                .engine(engine -> engine.callbackExecutor(callbacks))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        scenario.launch(id, Fixtures.contacts(0, 20));
        scenario.runFor(Duration.ofSeconds(2));
        int sentBefore = scenario.channel().sends().size();

        CompletableFuture<Void> webhook = CompletableFuture.runAsync(
                () -> scenario.engine()
                        .applyEvents(CampaignScenario.CHANNEL_ID, List.of(inbound("in-1", Fixtures.phone(0)))),
                caller);
        webhook.get(BOUND_SECONDS, TimeUnit.SECONDS); // under the lock this would wait for the bot
        assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS))
                .as("the bot got the message")
                .isTrue();

        scenario.runFor(Duration.ofSeconds(5)); // the bot still thinks
        assertThat(scenario.channel().sends().size())
                .as("sending went on while the bot thought")
                .isGreaterThanOrEqualTo(sentBefore + 5);
        release.countDown();
    }

    @Test
    void aBotMayAnswerAfterItsCallReturnedWhileTheConversationIsOpen() {
        AtomicReference<BotReply> kept = new AtomicReference<>();
        RecordingBot bot = new RecordingBot().answering((received, reply) -> kept.set(reply));
        CampaignScenario scenario = Fixtures.scenario().bot(Fixtures.BOT, bot).build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.inbound(Fixtures.phone(0), "¿mi saldo?");
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(kept.get()).isNotNull();

        scenario.clock().advance(Duration.ofMinutes(3)); // the lookup answered
        kept.get().sendText("Tu saldo es 1480.50");
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.channel().sendsTo(Fixtures.phone(0)))
                .extracting(RecordedSend::message)
                .filteredOn(message -> message.content() instanceof TextContent)
                .extracting(message -> ((TextContent) message.content()).body())
                .containsExactly("Tu saldo es 1480.50");
    }

    @Test
    void oneContactsMessagesReachItsBotOneAtATimeAndInOrderOnAPool() throws Exception {
        int contacts = 4;
        int perContact = 25;
        CountDownLatch all = new CountDownLatch(contacts * perContact);
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        Map<String, Boolean> busy = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        RecordingBot bot = new RecordingBot().answering((received, reply) -> {
            String phone = received.context().contact().phone().e164();
            if (busy.put(phone, true) != null) {
                overlaps.add(phone);
            }
            seen.computeIfAbsent(phone, p -> Collections.synchronizedList(new ArrayList<>()))
                    .add(received.message().messageId());
            busy.remove(phone);
            all.countDown();
        });
        CampaignScenario scenario = Fixtures.scenario()
                .bot(Fixtures.BOT, bot)
                .engine(engine -> engine.callbackExecutor(callbacks))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, contacts));
        scenario.runFor(Duration.ofSeconds(10));

        for (int n = 0; n < perContact; n++) {
            for (int c = 0; c < contacts; c++) {
                scenario.engine()
                        .applyEvents(CampaignScenario.CHANNEL_ID, List.of(inbound(c + "-" + n, Fixtures.phone(c))));
            }
        }

        assertThat(all.await(BOUND_SECONDS, TimeUnit.SECONDS))
                .as("every message reached the bot")
                .isTrue();
        assertThat(overlaps).as("a contact's bot ran twice at once").isEmpty();
        for (int c = 0; c < contacts; c++) {
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < perContact; n++) {
                expected.add(c + "-" + n);
            }
            assertThat(seen.get(Fixtures.phone(c))).as("contact %s", c).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aListenerMayCallTheEngineFromAnotherThread() throws Exception {
        AtomicReference<CampaignEngine> engine = new AtomicReference<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CampaignListener pausesOnLaunch = new CampaignListener() {
            @Override
            public void onLifecycleEvent(CampaignLifecycleEvent event) {
                if (event.action() == CampaignAction.LAUNCH) {
                    try { // a host that hands the event to its own worker and waits for it
                        CompletableFuture.runAsync(() -> engine.get().pause(event.campaignId()), caller)
                                .get(BOUND_SECONDS, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            }
        };
        CampaignScenario scenario = Fixtures.scenario()
                .engine(builder -> builder.listener(pausesOnLaunch))
                .build();
        engine.set(scenario.engine());
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());

        scenario.launch(id, Fixtures.contacts(0, 3));

        assertThat(failures)
                .as("the listener's call to the engine did not wait on the engine's lock")
                .isEmpty();
        assertThat(scenario.campaign(id).dispatch())
                .get()
                .isInstanceOf(io.campaignkit.core.campaign.DispatchState.Paused.class);
    }

    private static InboundMessage inbound(String id, String from) {
        return InboundMessage.builder(id, from, CampaignScenario.SENDER_ID, java.time.Instant.EPOCH)
                .text("hola")
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
