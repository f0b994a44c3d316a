package io.campaignkit.core.campaign;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's snapshot with some of its fields changed: the one place that lists every field of a
 * {@link Campaign.Snapshot} in order, so the transitions name only what they change
 * ({@code SnapshotChange.of(s).state(ACTIVE).launchedAt(now).build()}). The record's own constructor
 * checks the result.
 */
final class SnapshotChange {

    private final Campaign.Snapshot from;
    private CampaignConfiguration configuration;
    private CampaignState state;
    private Optional<DispatchState> dispatch;
    private Instant updatedAt;
    private Optional<Instant> launchedAt;
    private Optional<Instant> finishedAt;
    private Optional<FinishReason> finishReason;
    private long version;
    private Optional<Schedule> schedule;

    private SnapshotChange(Campaign.Snapshot from) {
        this.from = from;
        this.configuration = from.configuration();
        this.state = from.state();
        this.dispatch = from.dispatch();
        this.updatedAt = from.updatedAt();
        this.launchedAt = from.launchedAt();
        this.finishedAt = from.finishedAt();
        this.finishReason = from.finishReason();
        this.version = from.version();
        this.schedule = from.schedule();
    }

    static SnapshotChange of(Campaign.Snapshot from) {
        return new SnapshotChange(from);
    }

    /**
     * A new campaign's snapshot: version 0, created and updated at {@code now}, never launched, finished
     * nor scheduled.
     */
    static Campaign.Snapshot created(
            CampaignId id,
            String tenantId,
            String projectId,
            CampaignKind kind,
            CampaignConfiguration configuration,
            CampaignState state,
            Instant now) {
        return new Campaign.Snapshot(
                id,
                tenantId,
                projectId,
                kind,
                configuration,
                state,
                Optional.empty(),
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.empty());
    }

    SnapshotChange configuration(CampaignConfiguration newConfiguration) {
        this.configuration = newConfiguration;
        return this;
    }

    SnapshotChange state(CampaignState newState) {
        this.state = newState;
        return this;
    }

    /** {@code null} for none: only an ACTIVE campaign has a dispatch state. */
    SnapshotChange dispatch(@Nullable DispatchState newDispatch) {
        this.dispatch = Optional.ofNullable(newDispatch);
        return this;
    }

    SnapshotChange launchedAt(Instant at) {
        this.launchedAt = Optional.of(at);
        return this;
    }

    SnapshotChange finished(Instant at, FinishReason reason) {
        this.finishedAt = Optional.of(at);
        this.finishReason = Optional.of(reason);
        return this;
    }

    /** {@code null} for none: only a SCHEDULED campaign has a schedule. */
    SnapshotChange schedule(@Nullable Schedule newSchedule) {
        this.schedule = Optional.ofNullable(newSchedule);
        return this;
    }

    /** One accepted action later: updated at {@code now} with {@code newVersion}. */
    SnapshotChange touched(Instant now, long newVersion) {
        this.updatedAt = now;
        this.version = newVersion;
        return this;
    }

    Campaign.Snapshot build() {
        return new Campaign.Snapshot(
                from.id(),
                from.tenantId(),
                from.projectId(),
                from.kind(),
                configuration,
                state,
                dispatch,
                from.createdAt(),
                updatedAt,
                launchedAt,
                finishedAt,
                finishReason,
                version,
                schedule);
    }
}
