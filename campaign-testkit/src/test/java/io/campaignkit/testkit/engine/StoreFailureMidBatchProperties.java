package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A store call that fails once while a batch is being sent (a pool with no connection free for a
 * moment, a database restart) loses nothing and sends nothing twice: the recipients claimed and not
 * yet handed to the channel are given back as soon as the store answers again, rather than held
 * SENDING until their lease expires and then taken for UNKNOWN though they were never sent. The
 * clock here never reaches the lease's end, so a recipient that waited for it shows as unsent.
 */
class StoreFailureMidBatchProperties {

    private static final int AUDIENCE = 30;
    private static final List<Integer> OPTED_OUT_AFTER_LAUNCH = List.of(4, 17);
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    @Provide
    Arbitrary<String> sendingCalls() {
        // every store call of a run of the sending path after the campaign is loaded
        return Arbitraries.of("claimForSending", "suppressedAmong", "apply", "nextDueAt", "wakeUps", "renewLease");
    }

    @Property(tries = 120)
    void aStoreCallFailingOnceMidBatchStrandsNoRecipient(
            @ForAll("sendingCalls") String call,
            @ForAll @IntRange(min = 1, max = 6) int nth,
            @ForAll @IntRange(min = 1, max = 12) int burst) {
        ManualClock clock = ManualClock.startingAt(START);
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        FailOnce failure = new FailOnce();
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .storage(failure.around(store.storage()))
                .channel(channel)
                .clock(clock)
                .senderBurst(burst)
                .callbackExecutor(Runnable::run)
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel(channel.id(), "s");
        Fixtures.basic(Pace.perSecond(10).withBurst(burst)).accept(config);
        CampaignId id = CampaignId.of("outage");
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE)));
        OPTED_OUT_AFTER_LAUNCH.forEach(i -> engine.suppress(Fixtures.contact(i).phone(), Optional.empty()));

        failure.arm(call, nth);
        Instant end = START.plus(Duration.ofMinutes(2)); // well within the five-minute lease
        while (clock.instant().isBefore(end)) {
            Optional<Instant> next;
            try {
                next = engine.runDue();
            } catch (CampaignKitException storeDown) {
                assertThat(storeDown.code()).isEqualTo(CampaignStorage.STORE_FAILURE);
                next = Optional.of(clock.instant().plusMillis(200)); // the runner's first backoff
            }
            clock.advanceTo(next.filter(at -> at.isAfter(clock.instant()))
                    .orElse(clock.instant().plusSeconds(1)));
        }

        Map<String, Long> sendsPerPhone = channel.sends().stream()
                .collect(Collectors.groupingBy(send -> send.message().recipient(), Collectors.counting()));
        assertThat(sendsPerPhone)
                .as("sent to every contact who did not opt out")
                .hasSize(AUDIENCE - OPTED_OUT_AFTER_LAUNCH.size());
        assertThat(sendsPerPhone.values()).as("none twice").allMatch(times -> times == 1);
        RecipientCounts counts = store.counts(id);
        assertThat(counts.count(DeliveryState.SENT))
                .as("%s (failure armed: %s)", counts, failure.fired)
                .isEqualTo(AUDIENCE - OPTED_OUT_AFTER_LAUNCH.size());
        assertThat(counts.count(DeliveryState.SKIPPED)).as("%s", counts).isEqualTo(OPTED_OUT_AFTER_LAUNCH.size());
        assertThat(counts.count(DeliveryState.UNKNOWN)
                        + counts.count(DeliveryState.SENDING)
                        + counts.count(DeliveryState.PENDING))
                .as("%s", counts)
                .isZero();
    }

    /** Every port but pacing, failing as the JDBC store does at the armed call only. */
    private static final class FailOnce {
        private volatile String method = "";
        private final AtomicInteger callsToGo = new AtomicInteger();
        volatile boolean fired;

        void arm(String name, int nth) {
            callsToGo.set(nth);
            method = name;
        }

        CampaignStorage around(CampaignStorage working) {
            return StorageProxy.failingWhen(
                    working,
                    called -> {
                        boolean now = called.getName().equals(method) && callsToGo.decrementAndGet() == 0;
                        if (now) {
                            fired = true;
                        }
                        return now;
                    },
                    "no connection free for a moment");
        }
    }
}
