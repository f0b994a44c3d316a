package io.campaignkit.micrometer;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The gauges of the campaigns being tracked: one per campaign and state. One scrape reads a campaign's
 * figures once (they are kept for {@link #SNAPSHOT_AGE}), not once per gauge.
 */
final class CampaignGauges {

    /** How long one reading of a campaign's figures serves its gauges. */
    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    static final Map<String, ToLongFunction<CampaignMetrics>> STATES = states();

    private final MeterRegistry registry;
    private final Map<CampaignId, Tracked> tracked = new ConcurrentHashMap<>();
    private volatile @Nullable Function<CampaignId, CampaignMetrics> source;

    CampaignGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    private static Map<String, ToLongFunction<CampaignMetrics>> states() {
        Map<String, ToLongFunction<CampaignMetrics>> states = new LinkedHashMap<>();
        states.put("pending", CampaignMetrics::pending);
        states.put("sending", CampaignMetrics::sending);
        states.put("sent", CampaignMetrics::sent);
        states.put("delivered", CampaignMetrics::delivered);
        states.put("read", CampaignMetrics::read);
        states.put("replied", CampaignMetrics::replied);
        states.put("failed", CampaignMetrics::failed);
        states.put("skipped", CampaignMetrics::skipped);
        return Map.copyOf(states);
    }

    void readFrom(Function<CampaignId, CampaignMetrics> metrics) {
        this.source = metrics;
    }

    void track(CampaignId id) {
        tracked.computeIfAbsent(id, this::register);
    }

    void untrack(CampaignId id) {
        Tracked gone = tracked.remove(id);
        if (gone != null) {
            gone.meters.forEach(registry::remove);
        }
    }

    Set<CampaignId> tracked() {
        return Set.copyOf(tracked.keySet());
    }

    private Tracked register(CampaignId id) {
        Tracked campaign = new Tracked(id);
        STATES.forEach((state, figure) ->
                campaign.meters.add(Gauge.builder(MeterNames.CAMPAIGN_RECIPIENTS, campaign, c -> c.read(figure))
                        .description("Recipients of an active campaign in one state")
                        .tag(MeterNames.CAMPAIGN, id.value())
                        .tag(MeterNames.STATE, state)
                        .register(registry)));
        return campaign;
    }

    private final class Tracked {
        private final CampaignId id;
        private final List<Meter> meters = new ArrayList<>();
        private @Nullable CampaignMetrics snapshot; // guarded by this
        private long readAt; // guarded by this

        Tracked(CampaignId id) {
            this.id = id;
        }

        synchronized double read(ToLongFunction<CampaignMetrics> figure) {
            Function<CampaignId, CampaignMetrics> metrics = source;
            if (metrics == null) {
                return Double.NaN;
            }
            long now = registry.config().clock().monotonicTime();
            if (snapshot == null || now - readAt >= SNAPSHOT_AGE.toNanos()) {
                try {
                    snapshot = metrics.apply(id);
                    readAt = now;
                } catch (RuntimeException e) {
                    return Double.NaN; // deleted meanwhile, or the store is down: no figure rather than a wrong one
                }
            }
            return figure.applyAsLong(snapshot);
        }
    }
}
