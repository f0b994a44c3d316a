package io.campaignkit.micrometer;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.RecipientEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Micrometer meters of one campaign engine (names and tags in {@link MeterNames}). Three hooks, all
 * through the engine's public API, so any host can use it without a framework:
 *
 * <pre>{@code
 * CampaignKitMetrics metrics = CampaignKitMetrics.on(registry);
 * CampaignEngine engine = CampaignEngine.builder()
 *         .storage(storage)
 *         .channel(metrics.meter(whatsapp))     // sends, send latency, webhooks
 *         .listener(metrics.listener())          // status events, replies, which campaigns are active
 *         .build();
 * metrics.bindTo(engine);                        // the per-campaign gauges read the engine's figures
 * metrics.trackActive(campaignsActiveAtStartUp); // campaigns launched before this process started
 * CampaignRunner.start(engine, scheduler, CampaignRunner.DEFAULT_MAX_IDLE, metrics.runObserver());
 * }</pre>
 *
 * <p>A host that has its own listener combines the two (call both). Gauges exist for active campaigns
 * only: a launch adds a campaign's eight gauges, its finish or deletion removes them, so the number of
 * series stays bounded by the campaigns running at once. Thread-safe.
 */
public final class CampaignKitMetrics {

    private final MeterRegistry registry;
    private final CampaignGauges gauges;
    private final Counter delivered;
    private final Counter read;
    private final Counter replies;

    private CampaignKitMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.gauges = new CampaignGauges(registry);
        this.delivered = statusCounter("delivered");
        this.read = statusCounter("read");
        this.replies = Counter.builder(MeterNames.REPLIES)
                .description("Recipients who replied")
                .register(registry);
    }

    /**
     * Meters registered on {@code registry}.
     *
     * @throws NullPointerException when {@code registry} is null
     */
    public static CampaignKitMetrics on(MeterRegistry registry) {
        return new CampaignKitMetrics(Objects.requireNonNull(registry, "registry must not be null"));
    }

    private Counter statusCounter(String status) {
        return Counter.builder(MeterNames.STATUS_EVENTS)
                .description("Status reports that moved a recipient forward")
                .tag(MeterNames.STATUS, status)
                .register(registry);
    }

    /** The adapter, counting and timing its sends and counting its webhook calls; give this one to the engine. */
    public ChannelAdapter meter(ChannelAdapter adapter) {
        Objects.requireNonNull(adapter, "adapter must not be null");
        return adapter instanceof MeteredChannelAdapter ? adapter : new MeteredChannelAdapter(adapter, registry);
    }

    /** The listener that counts status events and replies and adds and removes the campaigns' gauges. */
    public CampaignListener listener() {
        return new CampaignListener() {
            @Override
            public void onLifecycleEvent(CampaignLifecycleEvent event) {
                if (event.to() == CampaignState.FINISHED || event.action() == CampaignAction.DELETE) {
                    gauges.untrack(event.campaignId());
                } else if (event.to() == CampaignState.ACTIVE) {
                    gauges.track(event.campaignId());
                }
            }

            @Override
            public void onRecipientEvent(RecipientEvent event) {
                switch (event.type()) {
                    case DELIVERED -> delivered.increment();
                    case READ -> read.increment();
                    case REPLIED -> replies.increment();
                    default -> {}
                }
            }
        };
    }

    /** Times each pass of a {@link CampaignRunner}. */
    public CampaignRunner.RunObserver runObserver() {
        return (took, failed) -> Timer.builder(MeterNames.ENGINE_PASS)
                .description("One pass of the engine")
                .tag(MeterNames.RESULT, failed ? "error" : "ok")
                .register(registry)
                .record(took);
    }

    /** Makes the gauges read {@code engine}'s figures ({@link CampaignEngine#metrics}). */
    public CampaignKitMetrics bindTo(CampaignEngine engine) {
        Objects.requireNonNull(engine, "engine must not be null");
        gauges.readFrom(engine::metrics);
        return this;
    }

    /** Adds gauges for campaigns that are active already (launched before the listener heard of them). */
    public CampaignKitMetrics trackActive(Collection<CampaignId> campaigns) {
        Objects.requireNonNull(campaigns, "campaigns must not be null").forEach(gauges::track);
        return this;
    }

    /** The campaigns that have gauges now. */
    public Set<CampaignId> trackedCampaigns() {
        return gauges.tracked();
    }

    @Override
    public String toString() {
        return "CampaignKitMetrics"
                + gauges.tracked().stream().map(CampaignId::value).sorted().toList();
    }
}
