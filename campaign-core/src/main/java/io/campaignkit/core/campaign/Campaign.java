package io.campaignkit.core.campaign;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A messaging campaign: its identity (id, tenant, project, kind), its {@link CampaignConfiguration},
 * its lifecycle state, timestamps and a version for optimistic concurrency.
 *
 * <p>Campaigns are immutable: every accepted action returns a new campaign whose
 * {@link #version()} is one higher; a refused action throws an {@link IllegalCampaignActionException}
 * naming the state and the action, and the campaign is unchanged. Time is never read from a
 * clock here: each action takes {@code now}, which callers take from their {@link java.time.Clock}.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *   DRAFT ⇄ READY ──launch──▶ ACTIVE ──finish──▶ FINISHED
 *             ⇅ schedule / unschedule    ▲
 *           SCHEDULED ───launch at start──┘
 * </pre>
 * The rules of each state and action are on {@link CampaignState}.
 * TEST campaigns follow the same rules; their audience is a list of test numbers.
 */
public final class Campaign {

    // Every field, as one record: a campaign is its snapshot plus the rules that change it.
    private final Snapshot snapshot;

    private Campaign(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * A new campaign at version 0, DRAFT or READY depending on whether {@code configuration} is
     * complete and valid.
     *
     * @param tenantId the client the campaign belongs to
     * @param projectId the client's project
     * @throws InvalidArgumentException if an argument is null or blank
     */
    public static Campaign create(
            CampaignId id,
            String tenantId,
            String projectId,
            CampaignKind kind,
            CampaignConfiguration configuration,
            Instant now) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonBlank(tenantId, "tenantId");
        Arguments.requireNonBlank(projectId, "projectId");
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(configuration, "configuration");
        Arguments.requireNonNull(now, "now");
        CampaignState state = CampaignTransitions.editableState(kind, configuration);
        return new Campaign(
                SnapshotChange.created(id, tenantId.strip(), projectId.strip(), kind, configuration, state, now));
    }

    /**
     * A campaign as a store kept it. DRAFT and READY are derived again from validation, so a
     * campaign stored by an older release under other rules comes back in the right one.
     *
     * @throws InvalidArgumentException if the snapshot is inconsistent (a dispatch state outside
     *     ACTIVE, a FINISHED campaign without its finish time, ...)
     */
    public static Campaign restore(Snapshot snapshot) {
        Arguments.requireNonNull(snapshot, "snapshot");
        return new Campaign(CampaignTransitions.restorable(snapshot));
    }

    /** Everything about this campaign, for a store to keep. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public CampaignId id() {
        return snapshot.id();
    }

    public String tenantId() {
        return snapshot.tenantId();
    }

    public String projectId() {
        return snapshot.projectId();
    }

    public CampaignKind kind() {
        return snapshot.kind();
    }

    public CampaignConfiguration configuration() {
        return snapshot.configuration();
    }

    public CampaignState state() {
        return snapshot.state();
    }

    /** Where sending stands; present exactly when the campaign is ACTIVE. */
    public Optional<DispatchState> dispatch() {
        return snapshot.dispatch();
    }

    public Instant createdAt() {
        return snapshot.createdAt();
    }

    /** When the last accepted action happened. */
    public Instant updatedAt() {
        return snapshot.updatedAt();
    }

    /** When a SCHEDULED campaign launches; present exactly when SCHEDULED. */
    public Optional<Schedule> schedule() {
        return snapshot.schedule();
    }

    public Optional<Instant> launchedAt() {
        return snapshot.launchedAt();
    }

    public Optional<Instant> finishedAt() {
        return snapshot.finishedAt();
    }

    public Optional<FinishReason> finishReason() {
        return snapshot.finishReason();
    }

    /** 0 when created, one more after every accepted change. Stores compare it to refuse lost updates. */
    public long version() {
        return snapshot.version();
    }

    /** Every missing or invalid field of the configuration; empty when the campaign is (or may be) READY. */
    public CampaignValidation validation() {
        return CampaignValidation.of(kind(), configuration());
    }

    /** Whether the configuration may still change: in DRAFT and READY. */
    public boolean isEditable() {
        return state().allowsEdit();
    }

    /** Whether the campaign may be deleted: in every state but ACTIVE. */
    public boolean isDeletable() {
        return state().allowsDelete();
    }

    /**
     * This campaign with {@code newConfiguration}, DRAFT or READY by its validation; a SCHEDULED one
     * stays SCHEDULED if it is still valid for its start, else it loses its schedule. An identical
     * configuration is no change: this campaign is returned as it is.
     *
     * @throws IllegalCampaignActionException {@code CAMPAIGN_FROZEN} when ACTIVE,
     *     {@code ILLEGAL_TRANSITION} when FINISHED
     */
    public Campaign reconfigure(CampaignConfiguration newConfiguration, Instant now) {
        Arguments.requireNonNull(newConfiguration, "newConfiguration");
        Arguments.requireNonNull(now, "now");
        CampaignTransitions.requireEditable(this);
        if (newConfiguration.equals(configuration())) {
            return this;
        }
        return next(now, CampaignTransitions.reconfigured(this, newConfiguration, now));
    }

    /**
     * This campaign with its configuration changed by {@code changes}, as {@link #reconfigure}:
     * {@code campaign.edit(c -> c.name("Cobranza julio"), now)}. The state is checked before
     * {@code changes} runs.
     */
    public Campaign edit(Consumer<CampaignConfiguration.Builder> changes, Instant now) {
        Arguments.requireNonNull(changes, "changes");
        Arguments.requireNonNull(now, "now");
        CampaignTransitions.requireEditable(this);
        CampaignConfiguration.Builder builder = configuration().toBuilder();
        changes.accept(builder);
        return reconfigure(builder.build(), now);
    }

    /**
     * SCHEDULED to launch at {@code schedule}'s start (from READY, or SCHEDULED to move it); editable.
     *
     * @throws CampaignValidationException when the campaign is not valid for a launch at that start
     * @throws io.campaignkit.core.InvalidArgumentException when the start is not after {@code now}
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} unless READY or SCHEDULED
     */
    public Campaign schedule(Schedule schedule, Instant now) {
        Arguments.requireNonNull(schedule, "schedule");
        Arguments.requireNonNull(now, "now");
        Snapshot scheduled = CampaignTransitions.scheduled(this, schedule, now);
        return scheduled.equals(snapshot) ? this : next(now, scheduled);
    }

    /**
     * A SCHEDULED campaign back to READY, its schedule dropped.
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} unless SCHEDULED
     */
    public Campaign unschedule(Instant now) {
        Arguments.requireNonNull(now, "now");
        return next(now, CampaignTransitions.unscheduled(this));
    }

    /**
     * Launches the campaign: ACTIVE, sending from its planned start (or now if the start is not
     * in the future).
     *
     * @throws CampaignValidationException when the configuration is incomplete or invalid at
     *     {@code now} (DRAFT, or an end that has passed), listing every problem
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} when ACTIVE or FINISHED
     */
    public Campaign launch(Instant now) {
        Arguments.requireNonNull(now, "now");
        return next(now, CampaignTransitions.launched(this, configuration(), now));
    }

    /**
     * Schedules the campaign in one step: its delivery plan starts at {@code start}, and it is
     * launched at {@code now}, as {@link #launch(Instant)} (WAITING until {@code start}, or sending
     * at once if {@code start} is not in the future). One version step, like {@code launch}.
     *
     * @throws CampaignValidationException when the configuration with that start is invalid at {@code now}
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} when ACTIVE or FINISHED
     */
    public Campaign launchAt(Instant start, Instant now) {
        Arguments.requireNonNull(start, "start");
        Arguments.requireNonNull(now, "now");
        return next(
                now, CampaignTransitions.launched(this, CampaignTransitions.startingAt(configuration(), start), now));
    }

    /**
     * Launches the campaign with its audience still to be added: ACTIVE and
     * {@link DispatchState.Preparing PREPARING} by {@code preparer}, so nothing is sent until
     * {@link #completePreparation}. Validated as {@link #launch(Instant)}; one version step.
     *
     * @param preparer who adds the audience (the engine's owner id)
     * @throws CampaignValidationException when the configuration is invalid at {@code now}
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} when ACTIVE or FINISHED
     */
    public Campaign launchPreparing(String preparer, Instant now) {
        Arguments.requireNonBlank(preparer, "preparer");
        Arguments.requireNonNull(now, "now");
        return next(now, CampaignTransitions.launchedPreparing(this, preparer.strip(), now));
    }

    /**
     * A preparer shows it is alive (or takes over an abandoned preparation): PREPARING by
     * {@code preparer} with its heartbeat at {@code now}.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and PREPARING
     */
    public Campaign renewPreparation(String preparer, Instant now) {
        Arguments.requireNonBlank(preparer, "preparer");
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.renewedPreparation(this, preparer.strip(), now), now);
    }

    /**
     * The whole audience is in: WAITING for the planned start, or SENDING if it is not in the future.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and PREPARING
     */
    public Campaign completePreparation(Instant now) {
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.completedPreparation(this, now), now);
    }

    /**
     * The planned start has come: a WAITING campaign starts sending.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and WAITING with its start at or before {@code now}
     */
    public Campaign startSending(Instant now) {
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.startedSending(this, now), now);
    }

    /**
     * Pauses sending (a waiting campaign may be paused too). Pausing again for another reason
     * replaces the reason; for the same reason it is no change.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and WAITING, SENDING or PAUSED
     */
    public Campaign pause(PauseReason reason, Instant now) {
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.paused(this, reason, now), now);
    }

    /**
     * Resumes a paused campaign: SENDING, or WAITING if its planned start is still ahead.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and PAUSED
     */
    public Campaign resume(Instant now) {
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.resumed(this, now), now);
    }

    /**
     * Every recipient has been handled: sending is DONE, conversations stay open until the
     * campaign finishes.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and SENDING or PAUSED
     */
    public Campaign completeSending(Instant now) {
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.completedSending(this, now), now);
    }

    /** Contacts are appended: DONE sends again; refused unless ACTIVE and WAITING, SENDING, PAUSED or DONE. */
    public Campaign acceptContacts(Instant now) {
        return withDispatch(CampaignTransitions.contactsAccepted(this, Arguments.requireNonNull(now, "now")), now);
    }

    /**
     * Stops the campaign for good and begins its clean-up: ACTIVE and
     * {@link DispatchState.Finishing FINISHING}, from any other dispatch state; nothing is sent any
     * more. A campaign already finishing is no change (its first reason stays).
     *
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} unless ACTIVE
     */
    public Campaign startFinishing(FinishReason reason, Instant now) {
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(now, "now");
        return withDispatch(CampaignTransitions.startedFinishing(this, reason, now), now);
    }

    /**
     * Finishes the campaign for good: FINISHED, never launched or edited again. A
     * {@linkplain #startFinishing finishing} campaign keeps the reason and the instant finishing
     * began; any other ACTIVE one takes {@code reason} and {@code now}. The engine calls it once
     * every open conversation is closed and every contact released.
     *
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} unless ACTIVE
     */
    public Campaign finish(FinishReason reason, Instant now) {
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(now, "now");
        return next(now, CampaignTransitions.finished(this, reason, now));
    }

    /** Whether finishing has begun but the campaign is not FINISHED yet. */
    public boolean isFinishing() {
        return dispatch().orElse(null) instanceof DispatchState.Finishing;
    }

    /** Whether the campaign is launched but its audience is still being added. */
    public boolean isPreparing() {
        return dispatch().orElse(null) instanceof DispatchState.Preparing;
    }

    /**
     * Checks that this campaign may be deleted; a store calls it before removing the campaign.
     *
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} when ACTIVE
     */
    public void checkDeletable() {
        CampaignTransitions.checkDeletable(this);
    }
    /** One version step to {@code next}; the same dispatch state (an action that is no change) is no step. */
    private Campaign withDispatch(DispatchState next, Instant now) {
        return next == dispatch().orElse(null)
                ? this
                : next(now, SnapshotChange.of(snapshot).dispatch(next).build());
    }

    /** The campaign {@code changed} describes, one version step on and touched at {@code now}. */
    private Campaign next(Instant now, Snapshot changed) {
        return new Campaign(
                SnapshotChange.of(changed).touched(now, version() + 1).build());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Campaign campaign && snapshot.equals(campaign.snapshot);
    }

    @Override
    public int hashCode() {
        return snapshot.hashCode();
    }

    @Override
    public String toString() {
        return "Campaign[" + id() + " " + kind() + " " + state()
                + dispatch().map(d -> " " + d.label()).orElse("")
                + " v" + version() + " '" + configuration().name().orElse("") + "' tenant=" + tenantId()
                + " project=" + projectId() + "]";
    }

    /**
     * Every field of a campaign, as a store keeps it. {@link Campaign#restore(Snapshot)} turns it
     * back into a campaign.
     */
    public record Snapshot(
            CampaignId id,
            String tenantId,
            String projectId,
            CampaignKind kind,
            CampaignConfiguration configuration,
            CampaignState state,
            Optional<DispatchState> dispatch,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> launchedAt,
            Optional<Instant> finishedAt,
            Optional<FinishReason> finishReason,
            long version,
            Optional<Schedule> schedule) {

        public Snapshot {
            Arguments.requireNonNull(id, "id");
            Arguments.requireNonBlank(tenantId, "tenantId");
            Arguments.requireNonBlank(projectId, "projectId");
            Arguments.requireNonNull(kind, "kind");
            Arguments.requireNonNull(configuration, "configuration");
            Arguments.requireNonNull(state, "state");
            Arguments.requireNonNull(dispatch, "dispatch");
            Arguments.requireNonNull(createdAt, "createdAt");
            Arguments.requireNonNull(updatedAt, "updatedAt");
            Arguments.requireNonNull(launchedAt, "launchedAt");
            Arguments.requireNonNull(finishedAt, "finishedAt");
            Arguments.requireNonNull(finishReason, "finishReason");
            Arguments.require(version >= 0, "version", "version must not be negative, was " + version);
            Arguments.requireNonNull(schedule, "schedule");
        }
    }
}
