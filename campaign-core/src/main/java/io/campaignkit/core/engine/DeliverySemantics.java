package io.campaignkit.core.engine;

/**
 * What the engine does with a recipient whose send may or may not have reached the provider: the
 * channel answered {@code UNKNOWN_OUTCOME}, or the process crashed during the call (the recipient
 * was left SENDING under a lease that expired). The same choice applies to a contact's message whose
 * hand-over to the bot (or, at the finish, to the unrouted-message handler) a crash interrupted.
 */
public enum DeliverySemantics {
    /**
     * Record it UNKNOWN and never resend: a contact never gets the message twice. An interrupted
     * hand-over is not repeated (the listener hears {@code HAND_OVER_INTERRUPTED}). The default.
     */
    AT_MOST_ONCE,
    /**
     * Send it again (as a transient failure): every contact gets the message, some maybe twice. An
     * interrupted hand-over is repeated.
     */
    AT_LEAST_ONCE
}
