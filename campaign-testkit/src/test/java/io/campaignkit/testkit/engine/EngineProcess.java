package io.campaignkit.testkit.engine;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One engine process of a crash test: an engine on its own {@link CrashingStore} view of a shared
 * store, with what its listener and fallback heard. Engines of several processes share the store,
 * the channel, the clock and the bot, as processes of one host would.
 */
final class EngineProcess {

    static final Duration LEASE = Duration.ofMinutes(1);
    static final int BATCH = 10;

    final CrashingStore store;
    final CampaignEngine engine;
    final RecordingListener listener = new RecordingListener();
    final List<FinishCleanUp> cleanUps = new CopyOnWriteArrayList<>();
    final List<UnroutedMessage> unrouted = new CopyOnWriteArrayList<>();

    EngineProcess(
            String ownerId,
            InMemoryCampaignStore shared,
            SimulatedChannel channel,
            ManualClock clock,
            InMemoryContactDirectory directory,
            RecordingBot bot) {
        this(ownerId, shared, channel, clock, directory, bot, null);
    }

    /** An engine process whose launches overlap their batches when {@code overlapLaunchBatches}. */
    EngineProcess(
            String ownerId,
            InMemoryCampaignStore shared,
            SimulatedChannel channel,
            ManualClock clock,
            InMemoryContactDirectory directory,
            RecordingBot bot,
            boolean overlapLaunchBatches) {
        this(
                ownerId,
                shared,
                channel,
                clock,
                directory,
                bot,
                CampaignEngine.DEFAULT_DELIVERY_SEMANTICS,
                Runnable::run,
                null,
                overlapLaunchBatches);
    }

    /** An engine process that reads imported lists again through {@code source} (when not null). */
    EngineProcess(
            String ownerId,
            InMemoryCampaignStore shared,
            SimulatedChannel channel,
            ManualClock clock,
            InMemoryContactDirectory directory,
            RecordingBot bot,
            io.campaignkit.core.port.AudienceSource source) {
        this(ownerId, shared, channel, clock, directory, bot, source, CampaignEngine.DEFAULT_DELIVERY_SEMANTICS);
    }

    /** An engine process with the given delivery semantics. */
    EngineProcess(
            String ownerId,
            InMemoryCampaignStore shared,
            SimulatedChannel channel,
            ManualClock clock,
            InMemoryContactDirectory directory,
            RecordingBot bot,
            io.campaignkit.core.port.AudienceSource source,
            io.campaignkit.core.engine.DeliverySemantics semantics) {
        this(ownerId, shared, channel, clock, directory, bot, semantics, Runnable::run, source, false);
    }

    /** An engine process with the given delivery semantics whose host calls run on {@code callbacks}. */
    EngineProcess(
            String ownerId,
            InMemoryCampaignStore shared,
            SimulatedChannel channel,
            ManualClock clock,
            InMemoryContactDirectory directory,
            RecordingBot bot,
            io.campaignkit.core.port.AudienceSource source,
            io.campaignkit.core.engine.DeliverySemantics semantics,
            java.util.concurrent.Executor callbacks) {
        this(ownerId, shared, channel, clock, directory, bot, semantics, callbacks, source, false);
    }

    private EngineProcess(
            String ownerId,
            InMemoryCampaignStore shared,
            SimulatedChannel channel,
            ManualClock clock,
            InMemoryContactDirectory directory,
            RecordingBot bot,
            io.campaignkit.core.engine.DeliverySemantics semantics,
            java.util.concurrent.Executor callbacks,
            io.campaignkit.core.port.AudienceSource source,
            boolean overlapLaunchBatches) {
        this.store = new CrashingStore(shared);
        io.campaignkit.core.engine.CampaignEngineBuilder builder =
                CampaignEngine.builder().deliverySemantics(semantics);
        if (source != null) {
            builder.audienceSource(source);
        }
        this.engine = builder.storage(store.view())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(callbacks)
                .ownerId(ownerId)
                .botFlows(BotFlowRegistry.of(Map.of(Fixtures.BOT, bot)))
                .contactDirectory(directory)
                .leaseDuration(LEASE)
                .batchSize(BATCH)
                .overlapLaunchBatches(overlapLaunchBatches)
                .listener(new CampaignListener() {
                    @Override
                    public void onLifecycleEvent(CampaignLifecycleEvent event) {
                        listener.onLifecycleEvent(event);
                    }

                    @Override
                    public void onRecipientEvent(RecipientEvent event) {
                        listener.onRecipientEvent(event);
                    }

                    @Override
                    public void onEngineFailure(EngineFailure failure) {
                        listener.onEngineFailure(failure);
                    }

                    @Override
                    public void onUnscheduled(io.campaignkit.core.campaign.Unscheduling unscheduling) {
                        listener.onUnscheduled(unscheduling);
                    }

                    @Override
                    public void onFinishCleanUp(FinishCleanUp cleanUp) {
                        cleanUps.add(cleanUp);
                    }
                })
                .unroutedMessages(UnroutedMessageHandler.withReasons(unrouted::add))
                .build();
    }

    /** Creates a campaign on the channel's sender "s" with the fixtures' basic configuration changed by {@code changes}. */
    Campaign create(String id, java.util.function.Consumer<CampaignConfiguration.Builder> changes) {
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic().andThen(changes).accept(config);
        return engine.create(CampaignId.of(id), "t", "p", CampaignKind.LIVE, config.build());
    }

    /** Runs this engine and the channel until {@code deadline}, moving the clock from one due instant to the next. */
    static void runUntil(CampaignEngine engine, SimulatedChannel channel, ManualClock clock, Instant deadline) {
        for (int round = 0; round < 100_000; round++) {
            Instant next = engine.runDue().orElse(deadline);
            channel.deliverDueEvents();
            next = channel.nextDueInstant().filter(next::isAfter).orElse(next);
            if (!next.isAfter(clock.instant())) {
                continue;
            }
            if (!next.isBefore(deadline)) {
                clock.advanceTo(deadline);
                engine.runDue();
                channel.deliverDueEvents();
                return;
            }
            clock.advanceTo(next);
        }
        throw new IllegalStateException("the engine kept having work at " + clock.instant());
    }
}
