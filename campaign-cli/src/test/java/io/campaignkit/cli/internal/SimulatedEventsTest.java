package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.simulated.SimulatedChannelConfiguration;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.host.WebhookEndpoint;
import io.campaignkit.host.WebhookServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo finishes its campaign only once every simulated event has been delivered over HTTP and
 * applied: an event the channel took off its queue but whose webhook is still on its way keeps the
 * run waiting, however slow the delivery is.
 */
class SimulatedEventsTest {

    private static final long TIMEOUT_SECONDS = 10;

    private final MovableClock clock = new MovableClock(java.time.Instant.parse("2026-01-05T09:00:00Z"));
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);
    private final List<WebhookRequest> applied = new CopyOnWriteArrayList<>();
    private final WebhookServer server = WebhookServer.start(
            InetAddress.getLoopbackAddress(),
            0,
            Optional.empty(),
            WebhookEndpoint.custom((channelId, request) -> {
                        arrived.countDown();
                        await(proceed); // a slow webhook: the engine applies it only when the test says
                        applied.add(request);
                        return WebhookResult.ok(List.of());
                    })
                    .route("simulated")
                    .build());
    private final SimulatedChannel channel = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
            .id("simulated")
            .clock(clock)
            .webhookUrl(server.urlFor("simulated"))
            .build());

    @AfterEach
    void stopServer() {
        proceed.countDown();
        server.close();
    }

    @Test
    void aWebhookOnItsWayKeepsTheEventsUnsettledUntilItIsApplied() throws Exception {
        channel.deliverWebhooksTo(new WebhookPoster()::post);
        SimulatedEvents events = new SimulatedEvents(channel);
        channel.scheduleInbound("+525510000000", "simulated-sender", "¿cómo pago?", Duration.ofMillis(450));
        assertThat(events.settled()).as("a reply still due").isFalse();
        clock.advance(Duration.ofMillis(450));

        CompletableFuture<Void> release = CompletableFuture.runAsync(events::release);
        await(arrived);

        assertThat(channel.pendingCount())
                .as("taken off the channel's queue: what the run used to wait for")
                .isZero();
        assertThat(events.settled()).as("its webhook is still on its way").isFalse();
        assertThat(applied).isEmpty();

        proceed.countDown();
        release.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(applied).as("answered only once applied").hasSize(1);
        assertThat(events.settled()).isTrue();
    }

    @Test
    void nothingScheduledIsSettled() {
        SimulatedEvents events = new SimulatedEvents(channel);

        events.release();

        assertThat(events.settled()).isTrue();
        assertThatThrownBy(() -> new SimulatedEvents(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("in time")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
