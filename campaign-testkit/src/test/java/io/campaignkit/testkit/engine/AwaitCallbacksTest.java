package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.ReceivedMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host stopping waits for the calls the engine handed its bots before closing what they use: a
 * finish closes the conversations and tells each bot after {@code finish} returned, on the callback
 * executor, so closing the store right after {@code finish} would fail those calls. Waiting here is on
 * latches with a generous bound, never on the wall clock for timing.
 */
class AwaitCallbacksTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private final ExecutorService waiter = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        callbacks.shutdownNow();
        waiter.shutdownNow();
    }

    @Test
    void waitsForTheBotsToHearOfTheConversationsAFinishClosed() throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean heard = new AtomicBoolean();
        BotFlow bot = new BotFlow() {
            @Override
            public void onInboundMessage(ConversationContext context, ReceivedMessage message, BotReply reply) {}

            @Override
            public void onConversationClosed(ConversationContext context, String reason) {
                closing.countDown();
                await(release); // writing the conversation's end to the host's own tables
                heard.set(true);
            }
        };
        CampaignScenario scenario = Fixtures.scenario()
                .bot(Fixtures.BOT, bot)
                .engine(engine -> engine.callbackExecutor(callbacks))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.inbound(Fixtures.phone(0), "hola");
        assertThat(scenario.engine().awaitCallbacks(BOUND))
                .as("the reply reached the bot")
                .isTrue();

        scenario.engine().finish(id);
        assertThat(closing.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(scenario.engine().awaitCallbacks(Duration.ZERO))
                .as("the bot is still writing the close")
                .isFalse();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return scenario.engine().awaitCallbacks(BOUND);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                },
                waiter);
        release.countDown();

        assertThat(drained.get(2 * BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(heard).as("the bot's call had ended when the wait returned").isTrue();
    }

    @Test
    void aBotCannotWaitForItself() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        AtomicReference<CampaignScenario> scenario = new AtomicReference<>();
        BotFlow bot = (context, message, reply) -> {
            try {
                scenario.get().engine().awaitCallbacks(BOUND);
            } catch (InterruptedException | RuntimeException e) {
                refused.set(e);
            }
        };
        scenario.set(Fixtures.scenario().bot(Fixtures.BOT, bot).build());
        CampaignId id = scenario.get().createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.get().launch(id, Fixtures.contacts(0, 1));
        scenario.get().runFor(Duration.ofSeconds(5));

        scenario.get().inbound(Fixtures.phone(0), "hola");

        assertThat(refused.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would wait for that call");
        assertThat(scenario.get().engine().awaitCallbacks(Duration.ZERO))
                .as("nothing left once the bot returned")
                .isTrue();
    }

    @Test
    void aBotMayWaitForAnotherEnginesCallbacks() {
        CampaignScenario other = Fixtures.scenario().build();
        AtomicReference<Object> answer = new AtomicReference<>();
        BotFlow bot = (context, message, reply) -> {
            try {
                answer.set(other.engine().awaitCallbacks(Duration.ZERO));
            } catch (InterruptedException | RuntimeException e) {
                answer.set(e);
            }
        };
        CampaignScenario scenario = Fixtures.scenario().bot(Fixtures.BOT, bot).build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));

        scenario.inbound(Fixtures.phone(0), "hola");

        assertThat(answer.get()).as("the other engine has nothing running").isEqualTo(true);
    }

    @Test
    void theTimeoutIsNamedWhenMissingOrNegative() {
        CampaignScenario scenario = Fixtures.scenario().build();

        assertThatThrownBy(() -> scenario.engine().awaitCallbacks(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> scenario.engine().awaitCallbacks(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("timeout");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
