package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * When a campaign's recipients next need the engine ({@link RecipientStore#wakeUps}).
 *
 * @param nextDueAt the earliest {@code dueAt} among its PENDING recipients
 * @param nextLeaseExpiry the earliest lease expiry among its SENDING recipients, for recovery
 */
public record RecipientWakeUps(Optional<Instant> nextDueAt, Optional<Instant> nextLeaseExpiry) {

    public RecipientWakeUps {
        Arguments.requireNonNull(nextDueAt, "nextDueAt");
        Arguments.requireNonNull(nextLeaseExpiry, "nextLeaseExpiry");
    }
}
