package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import java.util.Map;

/**
 * A campaign's live figures.
 *
 * <p>Two kinds of figure: <b>where each recipient stands now</b> ({@code pending}, {@code sending},
 * {@code sentOrBetter}, {@code failed}, {@code unknown}, {@code skipped}, and {@code replied}, which is
 * part of {@code sentOrBetter}), which add up to the audience:
 * <pre>audience = pending + sending + sentOrBetter + failed + unknown + skipped</pre>
 * and <b>how far the messages got at some point</b> ({@code sent}, {@code delivered}, {@code read}),
 * funnel figures with {@code sent ≥ delivered ≥ read} that overlap the states: a message the provider
 * accepted and then reported failed is in {@code sent} and in {@code failed}.
 *
 * @param campaignId the campaign
 * @param audience every recipient, skipped ones included
 * @param pending waiting to be sent (a retry included)
 * @param sending handed to the channel, answer not yet recorded
 * @param sent accepted by the provider at some point (it has a send time), whatever became of it
 *     later: one that failed after acceptance is counted here and in {@code failed}
 * @param delivered delivered to the handset at some point (read and replied ones included)
 * @param read read: the channel reported it read, or the contact replied to the accepted message (a
 *     reply implies the message was read, and many contacts turn read receipts off); so it is "read or
 *     answered", not only "reported read". A reply after an UNKNOWN outcome is not counted here
 * @param replied answered by the contact (REPLIED now): after an accepted message, or after an UNKNOWN
 *     outcome (then unconfirmed: not in {@code sent}, {@code delivered} or {@code read}); a reply to a
 *     failed or unanswered send is not counted
 * @param failed failed for good (FAILED now), after acceptance or not
 * @param unknown no answer from the channel; not resent (at-most-once)
 * @param skipped never sent
 * @param sentOrBetter SENT, DELIVERED, READ or REPLIED now: accepted and not failed since, or answered
 *     after an UNKNOWN outcome; the term of the audience sum above
 * @param skippedByReason skipped per reason code
 * @param failedByCode failed per reason code
 * @param funnel contacts per funnel step the bot reported
 */
public record CampaignMetrics(
        CampaignId campaignId,
        long audience,
        long pending,
        long sending,
        long sent,
        long delivered,
        long read,
        long replied,
        long failed,
        long unknown,
        long skipped,
        long sentOrBetter,
        Map<String, Long> skippedByReason,
        Map<String, Long> failedByCode,
        Map<String, Long> funnel) {

    public CampaignMetrics {
        Arguments.requireNonNull(campaignId, "campaignId");
        skippedByReason = Map.copyOf(skippedByReason);
        failedByCode = Map.copyOf(failedByCode);
        funnel = Map.copyOf(funnel);
    }

    /** The metrics of the store's counts. */
    public static CampaignMetrics of(CampaignId campaignId, RecipientCounts counts, Map<String, Long> funnel) {
        return new CampaignMetrics(
                campaignId,
                counts.total(),
                counts.count(DeliveryState.PENDING),
                counts.count(DeliveryState.SENDING),
                counts.accepted(),
                counts.delivered(),
                counts.read(),
                counts.count(DeliveryState.REPLIED),
                counts.count(DeliveryState.FAILED),
                counts.count(DeliveryState.UNKNOWN),
                counts.count(DeliveryState.SKIPPED),
                counts.count(DeliveryState.SENT)
                        + counts.count(DeliveryState.DELIVERED)
                        + counts.count(DeliveryState.READ)
                        + counts.count(DeliveryState.REPLIED),
                counts.skippedByReason(),
                counts.failedByCode(),
                funnel);
    }

    /** The key of the unknown outcomes in {@link #notSentByReason()}. */
    public static final String UNKNOWN_OUTCOME = "UNKNOWN_OUTCOME";

    /**
     * Not sent ("no se envió a"): the recipients the message did not reach as far as anyone knows,
     * {@code failed + skipped + unknown}.
     */
    public long notSent() {
        return failed + skipped + unknown;
    }

    /**
     * {@link #notSent()} by reason: each skip reason, each failure code, and {@value #UNKNOWN_OUTCOME}
     * for the unknown outcomes (a code used both to skip and to fail counts both).
     */
    public Map<String, Long> notSentByReason() {
        Map<String, Long> byReason = new java.util.TreeMap<>(skippedByReason);
        failedByCode.forEach((code, count) -> byReason.merge(code, count, Long::sum));
        if (unknown > 0) {
            byReason.merge(UNKNOWN_OUTCOME, unknown, Long::sum);
        }
        return java.util.Collections.unmodifiableMap(byReason);
    }

    /** delivered / sent, from 0 to 1; 0 when nothing was sent. */
    public double receivedRate() {
        return ratio(delivered, sent);
    }

    /** read / delivered. */
    public double readRate() {
        return ratio(read, delivered);
    }

    /** replied / delivered. */
    public double repliedRate() {
        return ratio(replied, delivered);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
