package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.ProjectCampaigns;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Versioned campaign changes (find, act, update, retry on conflict) and the events they emit. */
final class Lifecycle {

    private static final int MAX_CONFLICT_RETRIES = 20;

    private final CampaignStore campaigns;
    private final Listeners listeners;

    Lifecycle(CampaignStore campaigns, Listeners listeners) {
        this.campaigns = campaigns;
        this.listeners = listeners;
    }

    /**
     * Stores a new campaign, DRAFT or READY by its configuration, and tells the listener; through
     * {@code inOpenProject} when given, so that it is stored only in an open project, atomically.
     */
    Campaign create(
            CampaignId id,
            String tenantId,
            String projectId,
            CampaignKind kind,
            CampaignConfiguration configuration,
            Optional<ProjectCampaigns> inOpenProject,
            Instant now) {
        // the pacing store keys the sender-only bucket of replies by this id
        Arguments.require(
                !SendLimits.SENDER_ONLY.equals(id),
                "id",
                "campaign id '" + id + "' is reserved for the pacing of replies");
        Campaign campaign = Campaign.create(id, tenantId, projectId, kind, configuration, now);
        if (inOpenProject.isPresent()) {
            inOpenProject.get().insertInOpenProject(campaign);
        } else {
            campaigns.insert(campaign);
        }
        listeners.lifecycle(CampaignLifecycleEvent.of(CampaignAction.CREATE, campaign, campaign));
        return campaign;
    }

    /** Deletes a campaign that may be deleted (not ACTIVE) and tells the listener. */
    void delete(CampaignId id, Instant now) {
        Campaign campaign = find(id);
        campaign.checkDeletable();
        campaigns.delete(campaign);
        listeners.lifecycle(new CampaignLifecycleEvent(
                id,
                CampaignAction.DELETE,
                campaign.state(),
                campaign.state(),
                Optional.empty(),
                campaign.version(),
                now));
    }

    Campaign find(CampaignId id) {
        return campaigns.find(id).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    /**
     * Applies {@code action} to the stored campaign and stores the result, retrying on a version
     * conflict; emits the lifecycle event when the campaign changed. The action's own refusal
     * (an {@code IllegalCampaignActionException}) propagates.
     */
    Campaign change(CampaignId id, CampaignAction action, UnaryOperator<Campaign> change) {
        for (int attempt = 0; ; attempt++) {
            Campaign before = find(id);
            Campaign after = change.apply(before);
            if (after == before || after.version() == before.version()) {
                return before;
            }
            try {
                campaigns.update(after, before.version());
            } catch (io.campaignkit.core.port.VersionConflictException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
                continue;
            }
            listeners.lifecycle(CampaignLifecycleEvent.of(action, before, after));
            return after;
        }
    }

    /** Tells the listener what a finishing campaign's clean-up did. */
    void report(FinishCleanUp cleanUp) {
        listeners.cleanUp(cleanUp);
    }

    /** Emits one recipient event per change of delivery state that hosts hear about. */
    void emit(List<RecipientChange> changes) {
        if (!listeners.listening()) {
            return;
        }
        for (RecipientChange change : changes) {
            if (change.stateChanged()) {
                toEvent(change).ifPresent(listeners::recipientEvent);
            }
        }
    }

    private static Optional<RecipientEvent> toEvent(RecipientChange change) {
        var after = change.after();
        RecipientEvent.Type type;
        switch (after.state()) {
            case SENT -> type = RecipientEvent.Type.SENT;
            case DELIVERED -> type = RecipientEvent.Type.DELIVERED;
            case READ -> type = RecipientEvent.Type.READ;
            case REPLIED -> type = RecipientEvent.Type.REPLIED;
            case FAILED -> type = RecipientEvent.Type.FAILED;
            case SKIPPED -> type = RecipientEvent.Type.SKIPPED;
            case UNKNOWN -> type = RecipientEvent.Type.UNKNOWN;
            default -> {
                return Optional.empty();
            }
        }
        boolean coded = type.hasCode();
        Optional<StatusReason> reason = after.outcome();
        return Optional.of(new RecipientEvent(
                after.campaignId(),
                after.phone(),
                type,
                coded
                        ? Optional.of(reason.map(StatusReason::code)
                                .orElse(after.state().name()))
                        : Optional.empty(),
                coded ? reason.map(StatusReason::message) : Optional.empty(),
                after.updatedAt()));
    }
}
