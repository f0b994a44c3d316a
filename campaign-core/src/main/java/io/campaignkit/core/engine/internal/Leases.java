package io.campaignkit.core.engine.internal;

import io.campaignkit.core.port.Lease;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** This engine's leases: its owner id and how long a lease lasts. */
record Leases(String ownerId, Duration duration) {

    /** A lease from {@code now}; whole milliseconds, which every store keeps exactly, as leases are compared for equality. */
    Lease newLease(Instant now) {
        Instant expiry = now.plus(duration).truncatedTo(ChronoUnit.MILLIS);
        return new Lease(ownerId, expiry.isAfter(now) ? expiry : expiry.plusMillis(1));
    }
}
