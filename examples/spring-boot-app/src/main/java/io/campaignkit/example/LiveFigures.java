package io.campaignkit.example;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's live figures as server-sent events: a page subscribes to one campaign or to the list,
 * gets the figures at once, then again every period ({@code example.live-period}, one second), each as
 * one event. The pages work without it: their figures are current when they load, and a browser without
 * {@code EventSource} asks the API each second instead.
 *
 * <p>A lifecycle bean that stops before the web server shuts down gracefully, closing every stream, so
 * that open pages do not hold the shutdown up.
 */
@Component
public class LiveFigures implements SmartLifecycle {

    /** Name of the event with one campaign's view. */
    static final String CAMPAIGN_EVENT = "campaign";
    /** Name of the event with every campaign's view. */
    static final String CAMPAIGNS_EVENT = "campaigns";
    /** A stream ends after this; the browser's {@code EventSource} opens a new one by itself. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(LiveFigures.class);

    private final CampaignOperations operations;
    private final CampaignEngine engine;
    private final Duration period;
    /** Each open stream and the campaign it follows (empty: the list). */
    private final Map<SseEmitter, Optional<CampaignId>> streams = new ConcurrentHashMap<>();

    private volatile ScheduledExecutorService ticker;

    public LiveFigures(
            CampaignOperations operations,
            CampaignEngine engine,
            @Value("${example.live-period:PT1S}") Duration period) {
        this.operations = operations;
        this.engine = engine;
        this.period = period;
    }

    /** A stream of {@code campaign}'s figures, or of every campaign's when empty; the first event goes at once. */
    SseEmitter subscribe(Optional<CampaignId> campaign) {
        SseEmitter stream = new SseEmitter(STREAM_TIMEOUT.toMillis());
        streams.put(stream, campaign);
        stream.onCompletion(() -> streams.remove(stream));
        stream.onTimeout(stream::complete);
        stream.onError(failure -> streams.remove(stream));
        send(stream, campaign);
        return stream;
    }

    /** Sends every open stream its figures now: what the ticker does every period. */
    void publish() {
        streams.forEach(this::send);
    }

    private void send(SseEmitter stream, Optional<CampaignId> campaign) {
        try {
            if (campaign.isEmpty()) {
                stream.send(SseEmitter.event()
                        .name(CAMPAIGNS_EVENT)
                        .data(operations.list().stream().map(this::view).toList(), MediaType.APPLICATION_JSON));
                return;
            }
            Optional<Campaign> found = operations.find(campaign.get());
            if (found.isEmpty()) {
                streams.remove(stream);
                stream.complete();
                return;
            }
            stream.send(SseEmitter.event().name(CAMPAIGN_EVENT).data(view(found.get()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            streams.remove(stream); // the page went away, or the stream was completed meanwhile
        }
    }

    private CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, engine.metrics(campaign.id()));
    }

    private void tick() {
        try {
            publish();
        } catch (RuntimeException e) {
            // a failed tick (the store down) must not end the ticker: the next one tries again
            LOG.warn("could not send the live figures: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "campaignkit-example-live");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        ticker = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = ticker;
        ticker = null;
        if (running != null) {
            running.shutdownNow();
        }
        streams.keySet().forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** How many streams are open (for tests and the curious). */
    int openStreams() {
        return streams.size();
    }
}
