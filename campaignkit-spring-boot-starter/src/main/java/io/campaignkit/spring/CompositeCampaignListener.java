package io.campaignkit.spring;

import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.RecipientEvent;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every {@link CampaignListener} bean and the meters' listener, as the engine's one listener; one failing does not stop the others. */
final class CompositeCampaignListener implements CampaignListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeCampaignListener.class);

    private final List<CampaignListener> listeners;

    CompositeCampaignListener(List<CampaignListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Object event, Consumer<CampaignListener> call) {
        for (CampaignListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("campaign listener {} failed on {}", listener, event, e);
            }
        }
    }

    @Override
    public void onLifecycleEvent(CampaignLifecycleEvent event) {
        each(event, listener -> listener.onLifecycleEvent(event));
    }

    @Override
    public void onRecipientEvent(RecipientEvent event) {
        each(event, listener -> listener.onRecipientEvent(event));
    }

    @Override
    public void onFinishCleanUp(FinishCleanUp cleanUp) {
        each(cleanUp, listener -> listener.onFinishCleanUp(cleanUp));
    }

    @Override
    public void onEngineFailure(EngineFailure failure) {
        each(failure, listener -> listener.onEngineFailure(failure));
    }
}
