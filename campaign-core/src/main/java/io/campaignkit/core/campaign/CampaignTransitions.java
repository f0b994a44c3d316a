package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * The lifecycle rules of a {@link Campaign}: which action is accepted in which state, and the state
 * (or {@linkplain DispatchState dispatch state}) it leads to. Each rule is documented once, on the
 * {@code Campaign} method that applies it; here each check throws the refusal that method documents,
 * and each function returns the next dispatch state without building the new campaign (the campaign
 * does that, one version step per accepted action).
 */
final class CampaignTransitions {

    private CampaignTransitions() {}

    /** READY when the configuration is complete and valid, else DRAFT; see the class comment of {@link Campaign}. */
    static CampaignState editableState(CampaignKind kind, CampaignConfiguration configuration) {
        return CampaignValidation.of(kind, configuration).isValid() ? CampaignState.READY : CampaignState.DRAFT;
    }

    /**
     * {@code snapshot} with DRAFT or READY derived again, after checking the consistency
     * {@link Campaign#restore} requires.
     */
    static Campaign.Snapshot restorable(Campaign.Snapshot snapshot) {
        CampaignState state = snapshot.state();
        if (state == CampaignState.DRAFT || state == CampaignState.READY) {
            state = editableState(snapshot.kind(), snapshot.configuration());
        }
        if (state == CampaignState.SCHEDULED
                && !validForStart(snapshot.kind(), snapshot.configuration(), snapshot.schedule())) {
            state = editableState(snapshot.kind(), snapshot.configuration());
            snapshot = SnapshotChange.of(snapshot).schedule(null).build();
        }
        Arguments.require(
                snapshot.schedule().isPresent() == (state == CampaignState.SCHEDULED),
                "snapshot",
                "a campaign has a schedule exactly when it is SCHEDULED (state " + state + ")");
        boolean active = state == CampaignState.ACTIVE;
        boolean finished = state == CampaignState.FINISHED;
        Arguments.require(
                snapshot.dispatch().isPresent() == active,
                "snapshot",
                "a campaign has a dispatch state exactly when it is ACTIVE (state " + state + ")");
        Arguments.require(
                snapshot.launchedAt().isPresent() == (active || finished),
                "snapshot",
                "an ACTIVE or FINISHED campaign has a launch time, a DRAFT or READY one has none (state " + state
                        + ")");
        Arguments.require(
                snapshot.finishedAt().isPresent() == finished
                        && snapshot.finishReason().isPresent() == finished,
                "snapshot",
                "a campaign has a finish time and reason exactly when it is FINISHED (state " + state + ")");
        return SnapshotChange.of(snapshot).state(state).build();
    }

    /** See {@link Campaign#reconfigure}: CAMPAIGN_FROZEN when ACTIVE, ILLEGAL_TRANSITION when FINISHED. */
    static void requireEditable(Campaign campaign) {
        if (campaign.state() == CampaignState.ACTIVE) {
            throw new IllegalCampaignActionException(
                    IllegalCampaignActionException.CAMPAIGN_FROZEN,
                    campaign.id(),
                    campaign.state(),
                    campaign.dispatch().orElse(null),
                    CampaignAction.EDIT,
                    "and the configuration of an active campaign is frozen");
        }
        if (campaign.state() == CampaignState.FINISHED) {
            throw refuse(campaign, CampaignAction.EDIT, "and a finished campaign never changes");
        }
    }

    /** Whether a SCHEDULED campaign may keep {@code schedule}: valid, and valid for a launch at its start. */
    private static boolean validForStart(
            CampaignKind kind, CampaignConfiguration configuration, Optional<Schedule> schedule) {
        return schedule.isPresent()
                && CampaignValidation.of(kind, configuration).isValid()
                && startValidation(kind, configuration, schedule.get().startAt())
                        .isValid();
    }

    /** The validation of a launch at {@code start}, as if the delivery plan started there. */
    private static CampaignValidation startValidation(
            CampaignKind kind, CampaignConfiguration configuration, Instant start) {
        return CampaignValidation.atLaunch(kind, startingAt(configuration, start), start);
    }

    /** See {@link Campaign#reconfigure}: DRAFT or READY by validation; SCHEDULED kept while still valid for its start. */
    static Campaign.Snapshot reconfigured(Campaign campaign, CampaignConfiguration configuration, Instant now) {
        SnapshotChange changed = SnapshotChange.of(campaign.snapshot()).configuration(configuration);
        Optional<Schedule> schedule = campaign.schedule();
        if (campaign.state() == CampaignState.SCHEDULED && validForStart(campaign.kind(), configuration, schedule)) {
            return changed.build();
        }
        return changed.state(editableState(campaign.kind(), configuration))
                .schedule(null)
                .build();
    }

    /** See {@link Campaign#schedule(Schedule, Instant)}. */
    static Campaign.Snapshot scheduled(Campaign campaign, Schedule schedule, Instant now) {
        CampaignState state = campaign.state();
        if (state != CampaignState.READY && state != CampaignState.SCHEDULED) {
            throw refuse(
                    campaign,
                    CampaignAction.SCHEDULE,
                    state == CampaignState.DRAFT
                            ? "and a draft is completed before it is scheduled"
                            : "and only a campaign not yet launched is scheduled");
        }
        Arguments.require(
                schedule.startAt().isAfter(now),
                "schedule",
                "the start " + schedule.startAt() + " must be after now (" + now
                        + "); launch the campaign to start it now");
        CampaignValidation validation = startValidation(campaign.kind(), campaign.configuration(), schedule.startAt());
        if (!validation.isValid()) {
            throw new CampaignValidationException(campaign.id(), state, CampaignAction.SCHEDULE, validation);
        }
        return SnapshotChange.of(campaign.snapshot())
                .state(CampaignState.SCHEDULED)
                .schedule(schedule)
                .build();
    }

    /** See {@link Campaign#unschedule}. */
    static Campaign.Snapshot unscheduled(Campaign campaign) {
        if (campaign.state() != CampaignState.SCHEDULED) {
            throw refuse(campaign, CampaignAction.UNSCHEDULE, "and only a scheduled campaign is unscheduled");
        }
        return SnapshotChange.of(campaign.snapshot())
                .state(editableState(campaign.kind(), campaign.configuration()))
                .schedule(null)
                .build();
    }

    /** See {@link Campaign#launch}: DRAFT, READY or SCHEDULED, and {@code launched} valid at {@code now}. */
    static void checkLaunchable(Campaign campaign, CampaignConfiguration launched, Instant now) {
        if (!campaign.state().allowsEdit()) {
            throw refuse(
                    campaign,
                    CampaignAction.LAUNCH,
                    campaign.state() == CampaignState.FINISHED
                            ? "and a finished campaign is never launched again"
                            : "already launched");
        }
        CampaignValidation validation = CampaignValidation.atLaunch(campaign.kind(), launched, now);
        if (!validation.isValid()) {
            throw new CampaignValidationException(campaign.id(), campaign.state(), CampaignAction.LAUNCH, validation);
        }
    }

    /** See {@link Campaign#launch}: ACTIVE with {@code launched}, waiting or sending. */
    static Campaign.Snapshot launched(Campaign campaign, CampaignConfiguration launched, Instant now) {
        checkLaunchable(campaign, launched, now);
        DispatchState first = firstDispatch(launched, now);
        return SnapshotChange.of(campaign.snapshot())
                .configuration(launched)
                .state(CampaignState.ACTIVE)
                .dispatch(first)
                .launchedAt(now)
                .schedule(null)
                .build();
    }

    /** See {@link Campaign#launchAt}: {@code configuration} with its delivery plan starting at {@code start}. */
    static CampaignConfiguration startingAt(CampaignConfiguration configuration, Instant start) {
        DeliveryPlan plan = configuration.deliveryPlan();
        return configuration.toBuilder()
                .deliveryPlan(new DeliveryPlan(Optional.of(start), plan.pace(), plan.endAt()))
                .build();
    }

    /** See {@link Campaign#launchPreparing}: ACTIVE and PREPARING by {@code preparer}. */
    static Campaign.Snapshot launchedPreparing(Campaign campaign, String preparer, Instant now) {
        checkLaunchable(campaign, campaign.configuration(), now);
        DispatchState.Preparing preparing = new DispatchState.Preparing(preparer, now, now);
        return SnapshotChange.of(campaign.snapshot())
                .state(CampaignState.ACTIVE)
                .dispatch(preparing)
                .launchedAt(now)
                .schedule(null)
                .build();
    }

    /** WAITING for the planned start of {@code launched}, or SENDING when it is not in the future. */
    static DispatchState firstDispatch(CampaignConfiguration launched, Instant now) {
        Instant start = launched.deliveryPlan().effectiveStart(now);
        return start.isAfter(now) ? new DispatchState.Waiting(start) : new DispatchState.Sending(now);
    }

    /** See {@link Campaign#renewPreparation}; the heartbeat never moves back. */
    static DispatchState renewedPreparation(Campaign campaign, String preparer, Instant now) {
        DispatchState.Preparing preparing =
                requireDispatch(campaign, CampaignAction.PREPARE, DispatchState.Preparing.class);
        Instant heartbeat = now.isAfter(preparing.heartbeat()) ? now : preparing.heartbeat();
        return new DispatchState.Preparing(preparer, preparing.since(), heartbeat);
    }

    /** See {@link Campaign#completePreparation}. */
    static DispatchState completedPreparation(Campaign campaign, Instant now) {
        requireDispatch(campaign, CampaignAction.COMPLETE_PREPARATION, DispatchState.Preparing.class);
        return firstDispatch(campaign.configuration(), now);
    }

    /** See {@link Campaign#startSending}. */
    static DispatchState startedSending(Campaign campaign, Instant now) {
        Instant start = requireDispatch(campaign, CampaignAction.START_SENDING, DispatchState.Waiting.class)
                .startAt();
        if (now.isBefore(start)) {
            throw refuse(
                    campaign, CampaignAction.START_SENDING, "and its planned start is " + start + ", after " + now);
        }
        return new DispatchState.Sending(now);
    }

    /** See {@link Campaign#pause}; returns the current dispatch state itself when it is no change. */
    static DispatchState paused(Campaign campaign, PauseReason reason, Instant now) {
        DispatchState current = requireDispatch(
                campaign,
                CampaignAction.PAUSE,
                DispatchState.Waiting.class,
                DispatchState.Sending.class,
                DispatchState.Paused.class);
        if (current instanceof DispatchState.Paused paused && paused.reason() == reason) {
            return current;
        }
        return new DispatchState.Paused(reason, now);
    }

    /** See {@link Campaign#resume}. */
    static DispatchState resumed(Campaign campaign, Instant now) {
        requireDispatch(campaign, CampaignAction.RESUME, DispatchState.Paused.class);
        return firstDispatch(campaign.configuration(), now);
    }

    /** See {@link Campaign#completeSending}. */
    static DispatchState completedSending(Campaign campaign, Instant now) {
        requireDispatch(
                campaign, CampaignAction.COMPLETE_SENDING, DispatchState.Sending.class, DispatchState.Paused.class);
        return new DispatchState.Done(now);
    }

    /** See {@link Campaign#acceptContacts}; returns the current dispatch state itself unless DONE. */
    static DispatchState contactsAccepted(Campaign campaign, Instant now) {
        if (campaign.state() != CampaignState.ACTIVE) {
            throw refuse(
                    campaign,
                    CampaignAction.ADD_CONTACTS,
                    campaign.state() == CampaignState.FINISHED
                            ? "and a finished campaign takes no more contacts"
                            : "and contacts are added to an active campaign only; launch this one with its audience");
        }
        DispatchState current = campaign.dispatch().orElseThrow();
        if (current instanceof DispatchState.Preparing || current instanceof DispatchState.Finishing) {
            throw refuse(
                    campaign,
                    CampaignAction.ADD_CONTACTS,
                    current instanceof DispatchState.Preparing
                            ? "and its launch is still adding its audience; add contacts once it is in"
                            : "and it is finishing: it sends nothing more");
        }
        return current instanceof DispatchState.Done ? new DispatchState.Sending(now) : current;
    }

    /** See {@link Campaign#startFinishing}; returns the current dispatch state itself when already finishing. */
    static DispatchState startedFinishing(Campaign campaign, FinishReason reason, Instant now) {
        requireFinishable(campaign, CampaignAction.START_FINISHING);
        DispatchState current = campaign.dispatch().orElse(null);
        return current instanceof DispatchState.Finishing ? current : new DispatchState.Finishing(reason, now);
    }

    /** See {@link Campaign#finish}: a finishing campaign keeps the reason and instant finishing began. */
    static Campaign.Snapshot finished(Campaign campaign, FinishReason reason, Instant now) {
        requireFinishable(campaign, CampaignAction.FINISH);
        DispatchState dispatch = campaign.dispatch().orElse(null);
        FinishReason finalReason = dispatch instanceof DispatchState.Finishing finishing ? finishing.reason() : reason;
        Instant finishedAt = dispatch instanceof DispatchState.Finishing finishing ? finishing.since() : now;
        return SnapshotChange.of(campaign.snapshot())
                .state(CampaignState.FINISHED)
                .dispatch(null)
                .finished(finishedAt, finalReason)
                .build();
    }

    /** Only an ACTIVE campaign finishes; see {@link Campaign#finish}. */
    private static void requireFinishable(Campaign campaign, CampaignAction action) {
        if (campaign.state() != CampaignState.ACTIVE) {
            throw refuse(
                    campaign,
                    action,
                    campaign.state() == CampaignState.FINISHED
                            ? "already finished"
                            : "never launched; delete it instead");
        }
    }

    /** See {@link Campaign#checkDeletable()}. */
    static void checkDeletable(Campaign campaign) {
        if (!campaign.state().allowsDelete()) {
            throw refuse(campaign, CampaignAction.DELETE, "finish it first");
        }
    }

    /** The campaign's dispatch state when it is ACTIVE and the state is one of {@code allowed}. */
    @SafeVarargs
    private static <T extends DispatchState> T requireDispatch(
            Campaign campaign, CampaignAction action, Class<? extends T>... allowed) {
        if (campaign.state() != CampaignState.ACTIVE) {
            throw refuse(campaign, action, "and only an active campaign sends");
        }
        DispatchState dispatch = campaign.dispatch().orElse(null);
        for (Class<? extends T> type : allowed) {
            if (type.isInstance(dispatch)) {
                return type.cast(dispatch);
            }
        }
        throw refuse(campaign, action, "");
    }

    private static IllegalCampaignActionException refuse(Campaign campaign, CampaignAction action, String why) {
        return new IllegalCampaignActionException(
                IllegalCampaignActionException.ILLEGAL_TRANSITION,
                campaign.id(),
                campaign.state(),
                campaign.dispatch().orElse(null),
                action,
                why);
    }
}
