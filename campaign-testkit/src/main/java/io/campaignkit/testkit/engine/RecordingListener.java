package io.campaignkit.testkit.engine;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.Unscheduling;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.RecipientEvent;
import java.util.ArrayList;
import java.util.List;

/** A {@link CampaignListener} that keeps every event, in order, for assertions. Thread-safe. */
public final class RecordingListener implements CampaignListener {

    private final List<CampaignLifecycleEvent> lifecycle = new ArrayList<>();
    private final List<RecipientEvent> recipients = new ArrayList<>();
    private final List<EngineFailure> failures = new ArrayList<>();
    private final List<Unscheduling> unschedulings = new ArrayList<>();

    @Override
    public synchronized void onLifecycleEvent(CampaignLifecycleEvent event) {
        lifecycle.add(event);
    }

    @Override
    public synchronized void onRecipientEvent(RecipientEvent event) {
        recipients.add(event);
    }

    @Override
    public synchronized void onEngineFailure(EngineFailure failure) {
        failures.add(failure);
    }

    @Override
    public synchronized void onUnscheduled(Unscheduling unscheduling) {
        unschedulings.add(unscheduling);
    }

    /** The scheduled campaigns that lost their schedule, and why, in order. */
    public synchronized List<Unscheduling> unschedulings() {
        return List.copyOf(unschedulings);
    }

    /** The failures the engine reported, in order. */
    public synchronized List<EngineFailure> failures() {
        return List.copyOf(failures);
    }

    public synchronized List<CampaignLifecycleEvent> lifecycleEvents() {
        return List.copyOf(lifecycle);
    }

    public synchronized List<CampaignLifecycleEvent> lifecycleEvents(CampaignId campaignId) {
        return lifecycle.stream().filter(e -> e.campaignId().equals(campaignId)).toList();
    }

    public synchronized List<RecipientEvent> recipientEvents() {
        return List.copyOf(recipients);
    }

    public synchronized List<RecipientEvent> recipientEvents(CampaignId campaignId) {
        return recipients.stream()
                .filter(e -> e.campaignId().equals(campaignId))
                .toList();
    }
}
