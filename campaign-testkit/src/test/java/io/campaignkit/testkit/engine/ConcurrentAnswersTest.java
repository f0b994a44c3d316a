package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Channel answers that complete on other threads, many at once, are all recorded: none lost while
 * another thread records a batch, none recorded twice.
 */
class ConcurrentAnswersTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Answers on the pool: every seventh send fails for good, the others are accepted. */
    private final class PooledChannel implements ChannelAdapter {
        final List<CompletableFuture<SendReceipt>> answers = new CopyOnWriteArrayList<>();
        final AtomicLong sequence = new AtomicLong();

        @Override
        public String id() {
            return "pooled";
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.custom().maxMessagesPerSecond(1000).build();
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            long number = sequence.incrementAndGet();
            CompletableFuture<SendReceipt> answer = CompletableFuture.supplyAsync(
                    () -> {
                        if (number % 7 == 0) {
                            throw new ChannelSendException(
                                    SendFailure.of(SendErrorClass.RECIPIENT_PERMANENT, "X", "no such user"));
                        }
                        return new SendReceipt("P" + number, java.time.Instant.EPOCH);
                    },
                    pool);
            answers.add(answer);
            return answer;
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return WebhookResult.ok(List.of());
        }
    }

    private boolean awaitTermination() {
        try {
            return pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @RepeatedTest(3)
    void everyAnswerIsRecordedOnce() {
        ManualClock clock = ManualClock.ofDefaults();
        PooledChannel channel = new PooledChannel();
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .maxInFlight(64)
                .senderBurst(1000)
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("pooled", "s");
        Fixtures.basic(Pace.perSecond(1000).withBurst(1000)).accept(config);
        CampaignId id = CampaignId.of("concurrent");
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 2000)));

        for (int round = 0; round < 1000 && channel.sequence.get() < 2000; round++) {
            engine.runDue();
            for (CompletableFuture<SendReceipt> answer : channel.answers) {
                answer.handle((receipt, failure) -> null)
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join();
            }
            clock.advance(Duration.ofMillis(100));
        }
        // the engine's own callbacks may still run on the pool after the joins: let them finish
        pool.shutdown();
        assertThat(awaitTermination()).isTrue();
        engine.runDue();

        CampaignMetrics metrics = engine.metrics(id);
        assertThat(channel.sequence.get()).isEqualTo(2000);
        assertThat(engine.inFlight()).isZero();
        assertThat(metrics.sending()).isZero();
        assertThat(metrics.failed()).isEqualTo(2000 / 7);
        assertThat(metrics.sent()).isEqualTo(2000 - 2000 / 7);
    }
}
