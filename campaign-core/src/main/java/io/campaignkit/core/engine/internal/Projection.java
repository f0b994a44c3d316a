package io.campaignkit.core.engine.internal;

import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendPacer;
import io.campaignkit.core.dispatch.pacing.TokenBucketPacer;
import io.campaignkit.core.hours.ActiveHours;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a campaign's first messages would go out: the campaign's pace and its sender's limit as fresh
 * token buckets (the same {@link TokenBucketPacer} arithmetic the engine's pacing uses), granted at
 * every instant they have permits, inside the active hours, until the end instant.
 *
 * @param first  the first grant, empty when nothing is granted
 * @param last   the last grant, empty when nothing is granted
 * @param unsent sends the end instant (or hours that never open again) leaves out
 */
record Projection(Optional<Instant> first, Optional<Instant> last, long unsent) {

    static Projection of(
            long sends,
            Instant start,
            RateLimit campaignPace,
            RateLimit senderLimit,
            ActiveHours hours,
            Optional<Instant> end) {
        SendPacer pacer = SendPacer.allOf(List.of(TokenBucketPacer.of(campaignPace), TokenBucketPacer.of(senderLimit)));
        Instant at = start;
        Instant first = null;
        Instant last = null;
        long granted = 0;
        while (granted < sends) {
            if (!hours.isOpenAt(at)) {
                Optional<Instant> opening = hours.nextOpening(at);
                if (opening.isEmpty()) {
                    break;
                }
                at = opening.get();
            }
            if (end.isPresent() && !at.isBefore(end.get())) {
                break;
            }
            int now = pacer.tryAcquire((int) Math.min(Integer.MAX_VALUE, sends - granted), at);
            if (now > 0) {
                first = first == null ? at : first;
                last = at;
                granted += now;
            }
            if (granted < sends) {
                Instant next = pacer.nextPermitAt(at);
                at = next.isAfter(at) ? next : at.plusNanos(1); // it granted what it had: the next is later
            }
        }
        return new Projection(Optional.ofNullable(first), Optional.ofNullable(last), sends - granted);
    }
}
