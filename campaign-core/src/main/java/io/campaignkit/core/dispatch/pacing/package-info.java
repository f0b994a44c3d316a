/**
 * Pacing of sends: a campaign's pace and its sender's limit, as exact token buckets driven by
 * instants passed in (never a clock read, never a sleep).
 *
 * <p>{@link io.campaignkit.core.dispatch.pacing.RateLimit} says how fast;
 * {@link io.campaignkit.core.dispatch.pacing.TokenBucketPacer} keeps it, with the guarantee that
 * no window of one period holds more than rate + burst grants;
 * {@link io.campaignkit.core.dispatch.pacing.SenderPacers} shares one bucket per sender among
 * campaigns; {@link io.campaignkit.core.dispatch.pacing.SendPacer#allOf(java.util.List)} takes a
 * permit from several buckets atomically.
 */
@NullMarked
package io.campaignkit.core.dispatch.pacing;

import org.jspecify.annotations.NullMarked;
