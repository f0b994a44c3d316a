package io.campaignkit.channel;

/**
 * What a failed send means for the engine. The engine acts on the class, never on a vendor's code,
 * so an adapter's main job on failure is to choose the right class.
 */
public enum SendErrorClass {

    /**
     * This recipient cannot get the message: not on the channel, invalid or unreachable number,
     * opted out, or a limit that concerns this recipient alone (WhatsApp's per-user marketing limit)
     * when the adapter is not configured to retry it. Never retried for this recipient; other
     * recipients are unaffected.
     */
    RECIPIENT_PERMANENT(false),

    /**
     * The content is wrong for everyone: template missing, paused or disabled, parameters wrong,
     * outside the customer-service window. No other recipient would get it either; the engine stops
     * sending this message.
     */
    CONTENT_PERMANENT(false),

    /**
     * The provider asked the <em>sender</em> to slow down (throughput, API call rate, queue full).
     * Retried after {@link SendFailure#retryAfter()} when the provider said how long, else with
     * backoff; the engine also holds every send on the sender until then, across all its campaigns.
     * A limit that concerns one recipient only (a per-user or per-pair limit) is not this class: use
     * {@link #TRANSIENT} with a retry-after, or {@link #RECIPIENT_PERMANENT}.
     */
    RATE_LIMITED(true),

    /**
     * A temporary failure of this one send (provider unavailable, request not sent, or a limit on this
     * recipient alone such as WhatsApp's pair rate): retried with backoff a bounded number of times.
     * When the failure carries {@link SendFailure#retryAfter()}, the next attempt is not made before
     * it. Only this recipient waits: the sender is not held and every other recipient keeps sending.
     */
    TRANSIENT(true),

    /**
     * The sender's credentials or account are refused or blocked: every send on that sender would
     * fail, so the engine pauses every campaign on that sender (reason {@code CHANNEL_AUTHENTICATION})
     * until an operator fixes the credentials and resumes each one.
     */
    AUTHENTICATION(false),

    /**
     * The request left but no answer came (timeout, connection reset after sending): the message may
     * or may not have been sent. Not retried blindly; status events may still settle it.
     */
    UNKNOWN_OUTCOME(false);

    private final boolean retryable;

    SendErrorClass(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Whether the engine may send the same message to the same recipient again later.
     *
     * @return true for {@link #RATE_LIMITED} and {@link #TRANSIENT}
     */
    public boolean isRetryable() {
        return retryable;
    }
}
