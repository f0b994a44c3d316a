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
 * </pre>
 * <ul>
 *   <li><b>DRAFT / READY</b> are derived from validation after every edit: a campaign whose
 *       configuration is complete and valid ({@link #validation()} is empty) is READY, any other is
 *       DRAFT. So an edit that completes the configuration makes it READY, and an edit that breaks
 *       it returns it to DRAFT. Both are editable ({@link #reconfigure}, {@link #edit}).</li>
 *   <li><b>launch</b> ({@link #launch(Instant)}, or {@link #launchAt(Instant, Instant)} to schedule
 *       it) is accepted only in READY, after re-validating
 *       with the time-dependent rules; in DRAFT it throws a {@link CampaignValidationException}
 *       listing every problem. A campaign launched with a start in the future is ACTIVE and
 *       {@link DispatchState.Waiting waiting}; otherwise it is ACTIVE and sending. The engine
 *       launches with {@link #launchPreparing}: ACTIVE and {@link DispatchState.Preparing preparing}
 *       while it adds the audience, then {@link #completePreparation} makes it waiting or sending.</li>
 *   <li><b>ACTIVE</b>: configuration frozen (an edit throws {@code CAMPAIGN_FROZEN}). The engine
 *       moves the {@linkplain #dispatch() dispatch state}: {@link #renewPreparation},
 *       {@link #completePreparation}, {@link #startSending}, {@link #pause}, {@link #resume},
 *       {@link #completeSending}, {@link #startFinishing}.</li>
 *   <li><b>FINISHED</b> ({@link #finish}, from ACTIVE only) is terminal: every action is refused,
 *       and a finished campaign is never launched again. The engine gets there in two steps:
 *       {@link #startFinishing} (ACTIVE and {@link DispatchState.Finishing finishing}: nothing is sent
 *       any more) and, once its clean-up is done, {@link #finish}.</li>
 *   <li><b>delete</b>: a store deletes a campaign after {@link #checkDeletable()}, which refuses
 *       an ACTIVE campaign (it must be finished first).</li>
 * </ul>
 * TEST campaigns follow the same rules; their audience is a list of test numbers.
 *
 * <pre>{@code
 * Campaign campaign = Campaign.create(CampaignId.random(), "acme", "cobranza", CampaignKind.LIVE,
 *         CampaignConfiguration.custom().name("Cobranza junio").botFlowId("cobranza-v2")
 *                 .channel("whatsapp-cloud", "109876543210").message(message)
 *                 .audience(AudienceReference.importedList("junio.xlsx")).schema(schema).build(),
 *         clock.instant());
 * if (campaign.state() == CampaignState.READY) {
 *     campaign = campaign.launch(clock.instant());
 * }
 * }</pre>
 */
public final class Campaign {

    private final CampaignId id;
    private final String tenantId;
    private final String projectId;
    private final CampaignKind kind;
    private final CampaignConfiguration configuration;
    private final CampaignState state;
    private final DispatchState dispatch;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant launchedAt;
    private final Instant finishedAt;
    private final FinishReason finishReason;
    private final long version;

    private Campaign(Snapshot s) {
        this.id = s.id;
        this.tenantId = s.tenantId;
        this.projectId = s.projectId;
        this.kind = s.kind;
        this.configuration = s.configuration;
        this.state = s.state;
        this.dispatch = s.dispatch.orElse(null);
        this.createdAt = s.createdAt;
        this.updatedAt = s.updatedAt;
        this.launchedAt = s.launchedAt.orElse(null);
        this.finishedAt = s.finishedAt.orElse(null);
        this.finishReason = s.finishReason.orElse(null);
        this.version = s.version;
    }

    /**
     * A new campaign at version 0, DRAFT or READY depending on whether {@code configuration} is
     * complete and valid.
     *
     * @param tenantId the client the campaign belongs to
     * @param projectId the client's project
     * @throws InvalidArgumentException if an argument is null or blank
     */
    public static Campaign create(CampaignId id, String tenantId, String projectId, CampaignKind kind,
            CampaignConfiguration configuration, Instant now) {
        Arguments.requireNonNull(id, "id");
        Arguments.requireNonBlank(tenantId, "tenantId");
        Arguments.requireNonBlank(projectId, "projectId");
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(configuration, "configuration");
        Arguments.requireNonNull(now, "now");
        CampaignState state = CampaignValidation.of(kind, configuration).isValid() ? CampaignState.READY : CampaignState.DRAFT;
        return new Campaign(new Snapshot(id, tenantId.strip(), projectId.strip(), kind, configuration, state,
                Optional.empty(), now, now, Optional.empty(), Optional.empty(), Optional.empty(), 0));
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
        CampaignState state = snapshot.state;
        if (state.allowsEdit()) {
            state = CampaignValidation.of(snapshot.kind, snapshot.configuration).isValid()
                    ? CampaignState.READY : CampaignState.DRAFT;
        }
        boolean active = state == CampaignState.ACTIVE;
        boolean finished = state == CampaignState.FINISHED;
        Arguments.require(snapshot.dispatch.isPresent() == active, "snapshot",
                "a campaign has a dispatch state exactly when it is ACTIVE (state " + state + ")");
        Arguments.require(snapshot.launchedAt.isPresent() == (active || finished), "snapshot",
                "an ACTIVE or FINISHED campaign has a launch time, a DRAFT or READY one has none (state " + state + ")");
        Arguments.require(snapshot.finishedAt.isPresent() == finished && snapshot.finishReason.isPresent() == finished,
                "snapshot", "a campaign has a finish time and reason exactly when it is FINISHED (state " + state + ")");
        return new Campaign(snapshot.withState(state));
    }

    /** Everything about this campaign, for a store to keep. */
    public Snapshot snapshot() {
        return new Snapshot(id, tenantId, projectId, kind, configuration, state, dispatch(), createdAt, updatedAt,
                launchedAt(), finishedAt(), finishReason(), version);
    }

    // ---------------------------------------------------------------- queries

    public CampaignId id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String projectId() {
        return projectId;
    }

    public CampaignKind kind() {
        return kind;
    }

    public CampaignConfiguration configuration() {
        return configuration;
    }

    public CampaignState state() {
        return state;
    }

    /** Where sending stands; present exactly when the campaign is ACTIVE. */
    public Optional<DispatchState> dispatch() {
        return Optional.ofNullable(dispatch);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the last accepted action happened. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> launchedAt() {
        return Optional.ofNullable(launchedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<FinishReason> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /** 0 when created, one more after every accepted change. Stores compare it to refuse lost updates. */
    public long version() {
        return version;
    }

    /** Every missing or invalid field of the configuration; empty when the campaign is (or may be) READY. */
    public CampaignValidation validation() {
        return CampaignValidation.of(kind, configuration);
    }

    /** Whether the configuration may still change: in DRAFT and READY. */
    public boolean isEditable() {
        return state.allowsEdit();
    }

    /** Whether the campaign may be deleted: in every state but ACTIVE. */
    public boolean isDeletable() {
        return state.allowsDelete();
    }

    // ---------------------------------------------------------------- actions

    /**
     * This campaign with {@code newConfiguration}, DRAFT or READY by its validation. An identical
     * configuration is no change: this campaign is returned as it is.
     *
     * @throws IllegalCampaignActionException {@code CAMPAIGN_FROZEN} when ACTIVE,
     *     {@code ILLEGAL_TRANSITION} when FINISHED
     */
    public Campaign reconfigure(CampaignConfiguration newConfiguration, Instant now) {
        Arguments.requireNonNull(newConfiguration, "newConfiguration");
        Arguments.requireNonNull(now, "now");
        requireEditable();
        if (newConfiguration.equals(configuration)) {
            return this;
        }
        CampaignState derived = CampaignValidation.of(kind, newConfiguration).isValid()
                ? CampaignState.READY : CampaignState.DRAFT;
        return next(now, s -> s.withConfiguration(newConfiguration).withState(derived));
    }

    /**
     * This campaign with its configuration changed by {@code changes}, as {@link #reconfigure}:
     * {@code campaign.edit(c -> c.name("Cobranza julio"), now)}. The state is checked before
     * {@code changes} runs.
     */
    public Campaign edit(Consumer<CampaignConfiguration.Builder> changes, Instant now) {
        Arguments.requireNonNull(changes, "changes");
        Arguments.requireNonNull(now, "now");
        requireEditable();
        CampaignConfiguration.Builder builder = configuration.toBuilder();
        changes.accept(builder);
        return reconfigure(builder.build(), now);
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
        return launchWith(configuration, now);
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
        DeliveryPlan plan = configuration.deliveryPlan();
        return launchWith(configuration.toBuilder()
                .deliveryPlan(new DeliveryPlan(Optional.of(start), plan.pace(), plan.endAt())).build(), now);
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
        checkLaunchable(configuration, now);
        DispatchState.Preparing preparing = new DispatchState.Preparing(preparer.strip(), now, now);
        return next(now, s -> s.withState(CampaignState.ACTIVE).withDispatch(preparing).withLaunchedAt(now));
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
        requireDispatch(CampaignAction.PREPARE, DispatchState.Preparing.class);
        DispatchState.Preparing preparing = (DispatchState.Preparing) dispatch;
        Instant heartbeat = now.isAfter(preparing.heartbeat()) ? now : preparing.heartbeat();
        return withDispatch(new DispatchState.Preparing(preparer.strip(), preparing.since(), heartbeat), now);
    }

    /**
     * The whole audience is in: WAITING for the planned start, or SENDING if it is not in the future.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and PREPARING
     */
    public Campaign completePreparation(Instant now) {
        Arguments.requireNonNull(now, "now");
        requireDispatch(CampaignAction.COMPLETE_PREPARATION, DispatchState.Preparing.class);
        return withDispatch(firstDispatch(configuration, now), now);
    }

    private Campaign launchWith(CampaignConfiguration launched, Instant now) {
        checkLaunchable(launched, now);
        DispatchState first = firstDispatch(launched, now);
        return next(now, s -> s.withConfiguration(launched).withState(CampaignState.ACTIVE).withDispatch(first)
                .withLaunchedAt(now));
    }

    private void checkLaunchable(CampaignConfiguration launched, Instant now) {
        if (!state.allowsEdit()) {
            throw refuse(CampaignAction.LAUNCH, state == CampaignState.FINISHED
                    ? "and a finished campaign is never launched again"
                    : "already launched");
        }
        CampaignValidation validation = CampaignValidation.atLaunch(kind, launched, now);
        if (!validation.isValid()) {
            throw new CampaignValidationException(id, state, CampaignAction.LAUNCH, validation);
        }
    }

    private static DispatchState firstDispatch(CampaignConfiguration launched, Instant now) {
        Instant start = launched.deliveryPlan().effectiveStart(now);
        return start.isAfter(now) ? new DispatchState.Waiting(start) : new DispatchState.Sending(now);
    }

    /**
     * The planned start has come: a WAITING campaign starts sending.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and WAITING with its start at or before {@code now}
     */
    public Campaign startSending(Instant now) {
        Arguments.requireNonNull(now, "now");
        requireDispatch(CampaignAction.START_SENDING, DispatchState.Waiting.class);
        Instant start = ((DispatchState.Waiting) dispatch).startAt();
        if (now.isBefore(start)) {
            throw refuse(CampaignAction.START_SENDING, "and its planned start is " + start + ", after " + now);
        }
        return withDispatch(new DispatchState.Sending(now), now);
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
        requireDispatch(CampaignAction.PAUSE, DispatchState.Waiting.class, DispatchState.Sending.class,
                DispatchState.Paused.class);
        if (dispatch instanceof DispatchState.Paused && ((DispatchState.Paused) dispatch).reason() == reason) {
            return this;
        }
        return withDispatch(new DispatchState.Paused(reason, now), now);
    }

    /**
     * Resumes a paused campaign: SENDING, or WAITING if its planned start is still ahead.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and PAUSED
     */
    public Campaign resume(Instant now) {
        Arguments.requireNonNull(now, "now");
        requireDispatch(CampaignAction.RESUME, DispatchState.Paused.class);
        Instant start = configuration.deliveryPlan().effectiveStart(now);
        return withDispatch(start.isAfter(now) ? new DispatchState.Waiting(start) : new DispatchState.Sending(now), now);
    }

    /**
     * Every recipient has been handled: sending is DONE, conversations stay open until the
     * campaign finishes.
     *
     * @throws IllegalCampaignActionException unless ACTIVE and SENDING or PAUSED
     */
    public Campaign completeSending(Instant now) {
        Arguments.requireNonNull(now, "now");
        requireDispatch(CampaignAction.COMPLETE_SENDING, DispatchState.Sending.class, DispatchState.Paused.class);
        return withDispatch(new DispatchState.Done(now), now);
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
        requireFinishable(CampaignAction.START_FINISHING);
        if (dispatch instanceof DispatchState.Finishing) {
            return this;
        }
        return withDispatch(new DispatchState.Finishing(reason, now), now);
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
        requireFinishable(CampaignAction.FINISH);
        FinishReason finalReason = dispatch instanceof DispatchState.Finishing finishing ? finishing.reason() : reason;
        Instant finishedAt = dispatch instanceof DispatchState.Finishing finishing ? finishing.since() : now;
        return next(now, s -> s.withState(CampaignState.FINISHED).withDispatch(null).withFinish(finishedAt, finalReason));
    }

    /** Whether finishing has begun but the campaign is not FINISHED yet. */
    public boolean isFinishing() {
        return dispatch instanceof DispatchState.Finishing;
    }

    /** Whether the campaign is launched but its audience is still being added. */
    public boolean isPreparing() {
        return dispatch instanceof DispatchState.Preparing;
    }

    private void requireFinishable(CampaignAction action) {
        if (state != CampaignState.ACTIVE) {
            throw refuse(action, state == CampaignState.FINISHED ? "already finished"
                    : "never launched; delete it instead");
        }
    }

    /**
     * Checks that this campaign may be deleted; a store calls it before removing the campaign.
     *
     * @throws IllegalCampaignActionException {@code ILLEGAL_TRANSITION} when ACTIVE
     */
    public void checkDeletable() {
        if (!state.allowsDelete()) {
            throw refuse(CampaignAction.DELETE, "finish it first");
        }
    }

    // ---------------------------------------------------------------- internals

    private void requireEditable() {
        if (state == CampaignState.ACTIVE) {
            throw new IllegalCampaignActionException(IllegalCampaignActionException.CAMPAIGN_FROZEN, id, state, dispatch,
                    CampaignAction.EDIT, "and the configuration of an active campaign is frozen");
        }
        if (state == CampaignState.FINISHED) {
            throw refuse(CampaignAction.EDIT, "and a finished campaign never changes");
        }
    }

    @SafeVarargs
    private void requireDispatch(CampaignAction action, Class<? extends DispatchState>... allowed) {
        if (state != CampaignState.ACTIVE) {
            throw refuse(action, "and only an active campaign sends");
        }
        for (Class<? extends DispatchState> type : allowed) {
            if (type.isInstance(dispatch)) {
                return;
            }
        }
        throw refuse(action, "");
    }

    private IllegalCampaignActionException refuse(CampaignAction action, String why) {
        return new IllegalCampaignActionException(IllegalCampaignActionException.ILLEGAL_TRANSITION, id, state, dispatch,
                action, why);
    }

    private Campaign withDispatch(DispatchState next, Instant now) {
        return next(now, s -> s.withDispatch(next));
    }

    private Campaign next(Instant now, java.util.function.UnaryOperator<Snapshot> change) {
        return new Campaign(change.apply(snapshot()).touched(now, version + 1));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Campaign)) {
            return false;
        }
        return snapshot().equals(((Campaign) other).snapshot());
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    @Override
    public String toString() {
        return "Campaign[" + id + " " + kind + " " + state + dispatch().map(d -> " " + d.label()).orElse("")
                + " v" + version + " '" + configuration.name().orElse("") + "' tenant=" + tenantId
                + " project=" + projectId + "]";
    }

    /**
     * Every field of a campaign, as a store keeps it. {@link Campaign#restore(Snapshot)} turns it
     * back into a campaign.
     */
    public record Snapshot(CampaignId id, String tenantId, String projectId, CampaignKind kind,
            CampaignConfiguration configuration, CampaignState state, Optional<DispatchState> dispatch,
            Instant createdAt, Instant updatedAt, Optional<Instant> launchedAt, Optional<Instant> finishedAt,
            Optional<FinishReason> finishReason, long version) {

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
        }

        Snapshot withState(CampaignState newState) {
            return new Snapshot(id, tenantId, projectId, kind, configuration, newState, dispatch, createdAt, updatedAt,
                    launchedAt, finishedAt, finishReason, version);
        }

        Snapshot withConfiguration(CampaignConfiguration newConfiguration) {
            return new Snapshot(id, tenantId, projectId, kind, newConfiguration, state, dispatch, createdAt, updatedAt,
                    launchedAt, finishedAt, finishReason, version);
        }

        Snapshot withDispatch(DispatchState newDispatch) {
            return new Snapshot(id, tenantId, projectId, kind, configuration, state, Optional.ofNullable(newDispatch),
                    createdAt, updatedAt, launchedAt, finishedAt, finishReason, version);
        }

        Snapshot withLaunchedAt(Instant at) {
            return new Snapshot(id, tenantId, projectId, kind, configuration, state, dispatch, createdAt, updatedAt,
                    Optional.of(at), finishedAt, finishReason, version);
        }

        Snapshot withFinish(Instant at, FinishReason reason) {
            return new Snapshot(id, tenantId, projectId, kind, configuration, state, dispatch, createdAt, updatedAt,
                    launchedAt, Optional.of(at), Optional.of(reason), version);
        }

        Snapshot touched(Instant now, long newVersion) {
            return new Snapshot(id, tenantId, projectId, kind, configuration, state, dispatch, createdAt, now,
                    launchedAt, finishedAt, finishReason, newVersion);
        }
    }
}
