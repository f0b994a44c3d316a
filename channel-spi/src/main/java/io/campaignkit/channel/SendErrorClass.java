package io.campaignkit.channel;

/**
 * What a failed send means for the engine. The engine acts on the class, never on a vendor's code,
 * so an adapter's main job on failure is to choose the right class.
 *
 * <h2>Decision table</h2>
 * Classify by the provider's own error code first (a code the provider documents wins over the HTTP
 * status), then by what happened on the wire:
 * <table>
 *   <caption>Which answer is which class</caption>
 *   <tr><th>what happened</th><th>class</th><th>why</th></tr>
 *   <tr><td>no connection made (refused, DNS, connect timeout)</td><td>{@link #TRANSIENT}</td>
 *       <td>nothing left: safe to try again</td></tr>
 *   <tr><td>request sent, no answer within the timeout; connection reset after sending</td>
 *       <td>{@link #UNKNOWN_OUTCOME}</td><td>the provider may have taken it: retrying could send twice</td></tr>
 *   <tr><td>HTTP 2xx without a message id, or an answer the adapter cannot read</td>
 *       <td>{@link #UNKNOWN_OUTCOME}</td><td>it may have been accepted</td></tr>
 *   <tr><td>HTTP 401, 403; a code for bad credentials, suspended account or sender</td>
 *       <td>{@link #AUTHENTICATION}</td><td>every send on the sender would fail</td></tr>
 *   <tr><td>HTTP 429; a code for the sender's throughput or API rate</td><td>{@link #RATE_LIMITED}</td>
 *       <td>the sender slows down; {@code Retry-After} goes in {@link SendFailure#retryAfter()}</td></tr>
 *   <tr><td>a code for this recipient: invalid, not on the channel, opted out, unreachable</td>
 *       <td>{@link #RECIPIENT_PERMANENT}</td><td>the others are unaffected</td></tr>
 *   <tr><td>a code saying for certain that the number is not on this channel at all (WhatsApp Cloud
 *       {@code 131026}; Twilio {@code 63003} and {@code 63024} on a WhatsApp sender)</td>
 *       <td>{@link #RECIPIENT_PERMANENT}, made with {@link SendFailure#notOnChannel(String, String)}</td>
 *       <td>a campaign with a further channel falls back to it for this recipient</td></tr>
 *   <tr><td>a code for this recipient's own limit (a per-user or per-pair rate)</td>
 *       <td>{@link #TRANSIENT} with a retry-after</td><td>only this recipient waits</td></tr>
 *   <tr><td>a code for the content: template missing, paused or rejected, parameters wrong,
 *       outside the reply window; any other HTTP 4xx</td><td>{@link #CONTENT_PERMANENT}</td>
 *       <td>no recipient would get it</td></tr>
 *   <tr><td>a code the provider documents as "not taken, try later" (often with HTTP 503), or a 503
 *       the provider documents as never accepted</td><td>{@link #TRANSIENT}</td>
 *       <td>the provider said it did not take it</td></tr>
 *   <tr><td>any other 5xx (500, 502, 504; every 5xx for Twilio)</td><td>{@link #UNKNOWN_OUTCOME}</td>
 *       <td>a gateway may fail after the provider queued the message</td></tr>
 *   <tr><td>content beyond the adapter's {@link ChannelCapabilities} (refused before sending)</td>
 *       <td>{@link #CONTENT_PERMANENT}</td><td>nothing was sent</td></tr>
 * </table>
 * The same codes classify a FAILED delivery status; there an unknown code is {@link #TRANSIENT}.
 */
public enum SendErrorClass {

    /**
     * This recipient cannot get the message: not on the channel, invalid or unreachable number,
     * opted out, or a limit that concerns this recipient alone (WhatsApp's per-user marketing limit)
     * when the adapter is not configured to retry it. Never retried for this recipient; other
     * recipients are unaffected. When the provider says the recipient is not on the channel at all,
     * the failure is flagged ({@link SendFailure#notOnChannel()}) so that a campaign with several
     * channels sends its next channel's message instead.
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
