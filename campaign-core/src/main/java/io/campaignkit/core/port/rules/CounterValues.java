package io.campaignkit.core.port.rules;

/**
 * The numbers one counter keeps (or the net change of one counter): how many recipients it counts,
 * and how many of them have {@code sentAt}, {@code deliveredAt} and {@code readAt} set.
 */
public record CounterValues(long recipients, long accepted, long delivered, long read) {

    /** Nothing counted. */
    public static final CounterValues ZERO = new CounterValues(0, 0, 0, 0);

    /** The sum of both. */
    public CounterValues plus(CounterValues other) {
        return new CounterValues(
                recipients + other.recipients,
                accepted + other.accepted,
                delivered + other.delivered,
                read + other.read);
    }

    /** Whether every number is 0 (a change that cancels out, a counter no recipient is in). */
    public boolean isZero() {
        return recipients == 0 && accepted == 0 && delivered == 0 && read == 0;
    }
}
