package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.Unscheduling;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.RecipientEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears what the engine does: the host's {@link CampaignListener}, called outside the lock through
 * {@link HostCalls}, and the wake-up callbacks of runners.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CampaignListener listener;
    private final HostCalls host;
    private final Clock clock;
    private final List<Runnable> wakeUpListeners = new CopyOnWriteArrayList<>();

    Listeners(CampaignListener listener, HostCalls host, Clock clock) {
        this.listener = listener;
        this.host = host;
        this.clock = clock;
    }

    /** Whether a host listener is set: without one, events are not even built. */
    boolean listening() {
        return listener != CampaignListener.NONE;
    }

    void lifecycle(CampaignLifecycleEvent event) {
        toListener(event, () -> listener.onLifecycleEvent(event));
    }

    void recipientEvent(RecipientEvent event) {
        toListener(event, () -> listener.onRecipientEvent(event));
    }

    void unscheduled(Unscheduling unscheduling) {
        toListener(unscheduling, () -> listener.onUnscheduled(unscheduling));
    }

    void cleanUp(FinishCleanUp cleanUp) {
        toListener(cleanUp, () -> listener.onFinishCleanUp(cleanUp));
    }

    void failure(Optional<CampaignId> campaignId, String source, Throwable error) {
        EngineFailure failure = new EngineFailure(campaignId, source, error, clock.instant());
        toListener(failure, () -> listener.onEngineFailure(failure));
    }

    /** Hands an event to the listener outside the lock, after the events emitted before it. */
    private void toListener(Object event, Runnable call) {
        if (!listening()) {
            return;
        }
        host.run(HostCalls.LISTENER, () -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("campaign listener failed on {}", event, e);
            }
        });
    }

    /** Registers a callback run whenever new work may be due sooner than the last answer of runDue. */
    void addWakeUpListener(Runnable wakeUp) {
        wakeUpListeners.add(wakeUp);
    }

    void wakeUp() {
        for (Runnable wakeUp : wakeUpListeners) {
            try {
                wakeUp.run();
            } catch (RuntimeException e) {
                LOG.warn("wake-up listener failed", e);
            }
        }
    }
}
