package io.campaignkit.channel.whatsapp;

/**
 * What the adapter makes of Meta's limits on one recipient: 131049 (the per-user marketing limit: Meta
 * delivers only so many marketing messages to one user, and wants at least a day before the next) and
 * 131056 (the pair rate: about one message per 6 seconds from a number to one user). Both concern that
 * recipient alone, so neither holds the sender nor any other recipient, whichever action is chosen.
 *
 * <p>Only a refusal in the send's own answer can be retried. When Meta reports the limit later, in a
 * failed status webhook, the message has already failed and the recipient is failed with the reason
 * whatever the action.
 */
public enum PerUserLimitAction {

    /** The recipient is failed with Meta's code and reason, and not tried again. The default. */
    FAIL,

    /**
     * The recipient is tried again later, within the engine's bounded retries: not before 24 hours after
     * 131049, not before 6 seconds (then with growing backoff) after 131056.
     */
    RETRY_LATER
}
