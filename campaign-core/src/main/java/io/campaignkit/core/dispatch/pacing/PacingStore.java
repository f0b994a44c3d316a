package io.campaignkit.core.dispatch.pacing;

import io.campaignkit.core.campaign.CampaignId;
import java.time.Instant;

/**
 * Where the token buckets that pace sending live: one per campaign (its pace) and one per sender
 * (its limit, shared by every campaign on it). The engine asks it before every claim, so whoever
 * shares a {@code PacingStore} shares the limits: {@link #inProcess()} keeps them in this process
 * (the default: one engine instance), a database-backed store such as {@code campaign-store-jdbc}'s
 * keeps them for every engine instance on that database.
 *
 * <p>Every implementation keeps the guarantee of {@link TokenBucketPacer}: in any half-open window of
 * length {@code W}, at most {@link RateLimit#maxPermitsIn(java.time.Duration) burst + ceil(rate × W)}
 * permits of one bucket are granted, all callers together; a permit is taken from the campaign's and
 * the sender's bucket together or from neither. Time is passed in; nothing waits. Thread-safe.
 *
 * <p>Replies in conversations are paced by the sender's bucket alone: the engine passes
 * {@link SendLimits#senderOnly} limits to the same methods (see there what a store does with them).
 * A reply is never held back: without a permit it is sent anyway and the engine calls
 * {@link #holdSender} one permit past the sender's next one, so the campaigns on that sender pay the
 * debt.
 */
public interface PacingStore {

    /**
     * Takes up to {@code permits} permits that both buckets of {@code limits} have at {@code now}.
     *
     * @param permits how many are wanted; positive
     * @return how many were granted, from 0 to {@code permits}
     */
    int tryAcquire(SendLimits limits, int permits, Instant now);

    /**
     * How many permits {@link #tryAcquire} would grant at {@code now}, without taking them (another
     * caller may take them first): the engine claims no more recipients than this.
     */
    int availablePermits(SendLimits limits, Instant now);

    /**
     * The earliest instant, not before {@code now}, at which both buckets of {@code limits} have a
     * permit if nobody else takes it first: {@code now} itself when they have one now.
     */
    Instant nextPermitAt(SendLimits limits, Instant now);

    /**
     * The provider said the sender is over its limit: its bucket grants nothing before {@code until}
     * and one permit at {@code until}, for every campaign on it, as {@link TokenBucketPacer#holdUntil}
     * does. A hold ending after one in force extends it; one ending earlier does not shorten it (it
     * empties what the bucket holds, which can only slow the sender down).
     */
    void holdSender(SendLimits limits, Instant until);

    /** The campaign finished: its bucket may be dropped. The sender's bucket stays. */
    default void forget(CampaignId campaign) {}

    /** Buckets kept in this process's memory: the limits hold for the engines that share this instance. */
    static PacingStore inProcess() {
        return new InProcessPacingStore();
    }
}
