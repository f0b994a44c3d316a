package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;

/**
 * A time-limited hold on claimed recipients: {@code owner} (one engine process, such as
 * {@code host-a:pid-4242}) may work on them until {@code expiresAt}. After that, if the owner
 * crashed or stalled, the store hands them out again.
 */
public record Lease(String owner, Instant expiresAt) {

    public Lease {
        Arguments.requireNonBlank(owner, "owner");
        Arguments.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the lease still holds at {@code now}: {@code now} is before {@code expiresAt}. */
    public boolean isLiveAt(Instant now) {
        Arguments.requireNonNull(now, "now");
        return now.isBefore(expiresAt);
    }
}
