package io.campaignkit.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.simulated.SimulatedChannelConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The testkit owns the manual clock; the simulated channel (its own module) runs on it through {@code TimeControl}. */
class ManualClockDrivesSimulatedChannelTest {

    private static final String ANA = "+525500000001";

    private final ManualClock clock = ManualClock.ofDefaults();
    private final Instant t0 = clock.instant();

    @Test
    void deliversDueEventsEveryTimeTheManualClockMovesUntilClosed() {
        SimulatedChannel channel = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                .clock(clock.withZone(ZoneId.of("America/Mexico_City")))
                .deliverOnClockAdvance(true)
                .build());
        channel.scriptNumber(ANA, Outcome.delivered(Duration.ofSeconds(1)).readAfter(Duration.ofMinutes(1)));
        send(channel);

        clock.advance(Duration.ofSeconds(1));
        assertThat(channel.webhookLog()).hasSize(2);

        channel.close();
        clock.advance(Duration.ofMinutes(1));
        assertThat(channel.webhookLog()).hasSize(2);
        assertThat(channel.pendingCount()).isEqualTo(1);
    }

    @Test
    void advanceUntilIdleMovesTheManualClockToEachPendingEvent() {
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        channel.scriptNumber(ANA, Outcome.delivered(Duration.ofSeconds(2)).repliesAfter(Duration.ofHours(2), "SI"));
        send(channel);

        List<ChannelEvent> events = channel.advanceUntilIdle();

        assertThat(events).hasSize(3);
        assertThat(clock.instant()).isEqualTo(t0.plus(Duration.ofHours(2)));
    }

    private static void send(SimulatedChannel channel) {
        channel.send(new OutboundMessage(ANA, "PNID-1", "r1", TextContent.of("hola")))
                .toCompletableFuture()
                .join();
    }
}
