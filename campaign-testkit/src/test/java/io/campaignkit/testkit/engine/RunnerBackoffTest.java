package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner when the store fails (a database stopped, a pool with no connection free): it retries
 * with a doubling backoff capped at {@link CampaignRunner#MAX_BACKOFF}, a wake-up does not cut the
 * backoff short, and once the store answers again the runner is back to its normal pace and the
 * campaign sends. The scheduler here runs nothing by itself: the test runs each scheduled run and
 * reads the delay it was scheduled with.
 */
class RunnerBackoffTest {

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final ManualClock clock = ManualClock.ofDefaults();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void failedRunsAreRetriedWithADoublingCappedBackoffAndTheRunnerResumesWhenTheStoreIsBack() {
        io.campaignkit.channel.simulated.SimulatedChannel channel =
                io.campaignkit.channel.simulated.SimulatedChannel.withClock(clock);
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .storage(failing(store.storage()))
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
        Duration maxIdle = Duration.ofMinutes(1);
        try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, maxIdle)) {
            assertThat(scheduler.lastDelay()).isZero();
            databaseDown.set(true);

            List<Duration> waits = new ArrayList<>();
            for (int failures = 0; failures < 9; failures++) {
                scheduler.runLatest();
                waits.add(scheduler.lastDelay());
            }
            assertThat(waits)
                    .containsExactly(
                            ms(200),
                            ms(400),
                            ms(800),
                            ms(1600),
                            ms(3200),
                            ms(6400),
                            CampaignRunner.MAX_BACKOFF,
                            CampaignRunner.MAX_BACKOFF,
                            CampaignRunner.MAX_BACKOFF);

            // new work while failing: the wake-up waits for the backoff rather than hammering the store
            int scheduled = scheduler.scheduledCount();
            runner.wakeUp();
            assertThat(scheduler.scheduledCount())
                    .as("no earlier run scheduled")
                    .isEqualTo(scheduled);

            databaseDown.set(false);
            CampaignConfiguration.Builder config =
                    CampaignConfiguration.custom().channel(channel.id(), "s");
            Fixtures.basic().accept(config);
            CampaignId id = CampaignId.of("after-the-outage");
            engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
            engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
            scheduler.runLatest();
            assertThat(channel.sends()).as("sent once the store answered").hasSize(1);
            assertThat(scheduler.lastDelay())
                    .as("back to the normal pace")
                    .isLessThanOrEqualTo(maxIdle)
                    .isNotEqualTo(CampaignRunner.MAX_BACKOFF);

            // a new outage starts again from the first backoff
            databaseDown.set(true);
            scheduler.runLatest();
            assertThat(scheduler.lastDelay()).isEqualTo(CampaignRunner.FIRST_BACKOFF);
        }
    }

    @Test
    void theObserverHearsEveryPassAndWhetherItFailed() {
        CampaignEngine engine = engine(io.campaignkit.channel.simulated.SimulatedChannel.withClock(clock));
        List<Boolean> failed = new ArrayList<>();
        try (CampaignRunner runner =
                CampaignRunner.start(engine, scheduler, Duration.ofMinutes(1), (took, hasFailed) -> {
                    assertThat(took.isNegative()).isFalse();
                    failed.add(hasFailed);
                })) {
            scheduler.runLatest();
            databaseDown.set(true);
            scheduler.runLatest();
            scheduler.runLatest();
            databaseDown.set(false);
            scheduler.runLatest();
        }
        assertThat(failed).containsExactly(false, true, true, false);
    }

    @Test
    void aLaunchWakesTheRunnerAndAnIdleRunnerSleepsUntilTheNextDueRecipientOrItsMaxIdle() {
        io.campaignkit.channel.simulated.SimulatedChannel channel =
                io.campaignkit.channel.simulated.SimulatedChannel.withClock(clock);
        CampaignEngine engine = engine(channel);
        Duration maxIdle = Duration.ofMinutes(10);
        try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, maxIdle)) {
            scheduler.runLatest();
            assertThat(scheduler.lastDelay()).as("nothing to do: the max idle").isEqualTo(maxIdle);
            int scheduled = scheduler.scheduledCount();

            CampaignConfiguration.Builder config =
                    CampaignConfiguration.custom().channel(channel.id(), "s");
            Fixtures.basic().accept(config);
            CampaignId id = CampaignId.of("woken");
            engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
            engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
            assertThat(scheduler.scheduledCount())
                    .as("the launch woke the runner")
                    .isGreaterThan(scheduled);
            assertThat(scheduler.lastDelay()).isZero();

            scheduler.runLatest();
            assertThat(channel.sends()).hasSize(1);
        }
    }

    @Test
    void waitingOnAClosedRunnerIsRefusedByName() {
        CampaignEngine engine = engine(io.campaignkit.channel.simulated.SimulatedChannel.withClock(clock));
        CampaignRunner runner = CampaignRunner.start(engine, scheduler, Duration.ofMinutes(1));
        runner.close();
        int scheduled = scheduler.scheduledCount();
        runner.wakeUp();
        assertThat(scheduler.scheduledCount())
                .as("a closed runner schedules nothing")
                .isEqualTo(scheduled);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> runner.awaitSettled(CampaignId.of("any"), Duration.ofSeconds(1)))
                .isInstanceOf(io.campaignkit.core.InvalidArgumentException.class)
                .hasMessageContaining("runner")
                .hasMessageContaining("closed");
    }

    private CampaignEngine engine(io.campaignkit.channel.simulated.SimulatedChannel channel) {
        return CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .storage(failing(store.storage()))
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Every port fails with a store failure while {@link #databaseDown}, as the JDBC store does. */
    private CampaignStorage failing(CampaignStorage working) {
        return StorageProxy.failingWhen(working, method -> databaseDown.get(), "the database is down");
    }

    /** Records each run's delay and holds the run until the test runs it. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        private final List<Runnable> runs = new ArrayList<>();
        private final List<Long> delays = new ArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            runs.add(command);
            delays.add(unit.toNanos(delay));
            return super.schedule(() -> {}, 1, TimeUnit.DAYS);
        }

        synchronized Duration lastDelay() {
            return Duration.ofNanos(delays.get(delays.size() - 1));
        }

        int scheduledCount() {
            synchronized (this) {
                return runs.size();
            }
        }

        void runLatest() {
            Runnable run;
            synchronized (this) {
                run = runs.get(runs.size() - 1);
            }
            run.run();
        }
    }
}
