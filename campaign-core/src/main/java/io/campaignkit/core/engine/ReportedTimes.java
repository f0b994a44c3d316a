package io.campaignkit.core.engine;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.Recipient;
import java.time.Instant;
import java.util.Optional;

/**
 * A recipient's times as reports show them: to the millisecond, and never a step before the one it
 * follows. Providers stamp delivery, read and reply with their own clock, often to the whole second,
 * so a delivery can carry a time a few hundred milliseconds before the send the engine recorded; a
 * report showing it would say the message arrived before it left. Such a time is shown as the time of
 * the step before it (delivered as sent, read as delivered, replied as sent); the recipient keeps the
 * provider's own time.
 *
 * @param sentAt      when the provider accepted the message
 * @param deliveredAt when it was delivered, not before {@code sentAt}
 * @param readAt      when it was read, not before {@code deliveredAt} (or {@code sentAt})
 * @param repliedAt   when the contact first replied, not before {@code sentAt}
 */
public record ReportedTimes(
        Optional<Instant> sentAt,
        Optional<Instant> deliveredAt,
        Optional<Instant> readAt,
        Optional<Instant> repliedAt) {

    /**
     * Checks every argument.
     *
     * @param sentAt see {@link #sentAt()}
     * @param deliveredAt see {@link #deliveredAt()}
     * @param readAt see {@link #readAt()}
     * @param repliedAt see {@link #repliedAt()}
     */
    public ReportedTimes {
        Arguments.requireNonNull(sentAt, "sentAt");
        Arguments.requireNonNull(deliveredAt, "deliveredAt");
        Arguments.requireNonNull(readAt, "readAt");
        Arguments.requireNonNull(repliedAt, "repliedAt");
    }

    /**
     * The times a report shows for {@code recipient}.
     *
     * @param recipient the recipient as stored, not null
     * @return its times, each step at or after the one before it
     */
    public static ReportedTimes of(Recipient recipient) {
        Arguments.requireNonNull(recipient, "recipient");
        Optional<Instant> sent = recipient.sentAt();
        Optional<Instant> delivered = notBefore(recipient.deliveredAt(), sent);
        Optional<Instant> read = notBefore(recipient.readAt(), delivered.or(() -> sent));
        Optional<Instant> replied = notBefore(recipient.repliedAt(), sent);
        return new ReportedTimes(sent, delivered, read, replied);
    }

    private static Optional<Instant> notBefore(Optional<Instant> time, Optional<Instant> earlierStep) {
        return time.map(at -> earlierStep.filter(at::isBefore).orElse(at));
    }
}
