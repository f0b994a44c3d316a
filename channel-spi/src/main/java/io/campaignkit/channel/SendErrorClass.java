package io.campaignkit.channel;

/**
 * What a failed send means for the engine. The engine acts on the class, never on a vendor's code,
 * so an adapter's main job on failure is to choose the right class.
 */
public enum SendErrorClass {

    /**
     * This recipient cannot get the message: not on the channel, invalid or unreachable number,
     * opted out. Never retried for this recipient; other recipients are unaffected.
     */
    RECIPIENT_PERMANENT(false),

    /**
     * The content is wrong for everyone: template missing, paused or disabled, parameters wrong,
     * outside the customer-service window. No other recipient would get it either; the engine stops
     * sending this message.
     */
    CONTENT_PERMANENT(false),

    /**
     * The provider asked to slow down. Retried after {@link SendFailure#retryAfter()} when the
     * provider said how long, else with backoff; the engine also slows the sender.
     */
    RATE_LIMITED(true),

    /** A temporary failure (provider unavailable, request not sent): retried with backoff. */
    TRANSIENT(true),

    /**
     * The sender's credentials or account are refused or blocked: every send on that sender would
     * fail, so the engine stops all sending on it until an operator intervenes.
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
