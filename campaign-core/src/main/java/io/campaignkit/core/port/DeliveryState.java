package io.campaignkit.core.port;

/**
 * Where one recipient's first message stands.
 *
 * <pre>
 *   PENDING ─claim─▶ SENDING ─accepted─▶ SENT ─▶ DELIVERED ─▶ READ ─▶ REPLIED
 *      │                │  ╲──────────▶ FAILED (permanent, or retries used up)
 *      │                ╰──▶ UNKNOWN (no answer: at-most-once never resends)
 *      ╰──▶ SKIPPED (never sent: unresolved binding, opted out, already engaged, campaign finished)
 * </pre>
 *
 * <p>Status events merge <b>monotonically</b> by {@link #rank()}: a change to a state of a higher
 * rank is applied, any other is ignored, so late, duplicate and reordered events converge to the
 * same state. The ranks: PENDING 0, SENDING 1, UNKNOWN 2, SENT 3, FAILED 4, DELIVERED 5, READ 6,
 * REPLIED 7. FAILED is below DELIVERED on purpose: a provider that reports a failure and later a
 * delivery did deliver; a failure reported after a delivery changes nothing. SKIPPED is outside the
 * order: only a PENDING (or claimed, not yet sent) recipient becomes SKIPPED, and nothing leaves it.
 * A PENDING recipient has sent nothing, so no status report moves it either.
 */
public enum DeliveryState {
    /** Waiting to be sent (possibly for a retry's due time). */
    PENDING(0),
    /** Claimed and handed to the channel; written before the channel call, so a crash leaves it here. */
    SENDING(1),
    /** The channel gave no answer (timeout, crash during the call): it may or may not have been sent. */
    UNKNOWN(2),
    /** The provider accepted the message. */
    SENT(3),
    /** The message failed for good. */
    FAILED(4),
    /** The provider reports it delivered to the handset. */
    DELIVERED(5),
    /** The contact read it (implies delivered). */
    READ(6),
    /**
     * The contact answered an accepted message (implies delivered), or answered after an UNKNOWN
     * outcome: then it is REPLIED <em>unconfirmed</em>, with no provider id nor sent, delivered or read
     * time. A reply never moves a FAILED, SENDING, PENDING or SKIPPED recipient.
     */
    REPLIED(7),
    /** Never sent, for a recorded reason. */
    SKIPPED(-1);

    private final int rank;

    DeliveryState(int rank) {
        this.rank = rank;
    }

    /** The merge order; -1 for SKIPPED, which is outside it. */
    public int rank() {
        return rank;
    }

    /** Whether the engine has nothing more to do for it (it may still climb through status events). */
    public boolean isSettled() {
        return this != PENDING && this != SENDING;
    }

    /** Whether the provider accepted the message at some point: SENT and above, FAILED excepted. */
    public boolean isAtLeastSent() {
        return rank >= SENT.rank && this != FAILED;
    }

    /** Whether it reached the handset: DELIVERED, READ or REPLIED. */
    public boolean isDelivered() {
        return rank >= DELIVERED.rank;
    }

    /**
     * Whether a status merge from this state to {@code next} changes anything: {@code next} is of a
     * higher rank, and neither is SKIPPED nor PENDING (nothing was sent yet), nor is {@code next} SENDING.
     */
    public boolean mayAdvanceTo(DeliveryState next) {
        if (this == PENDING || this == SKIPPED || next == SKIPPED || next == PENDING || next == SENDING) {
            return false;
        }
        return next.rank > rank;
    }
}
