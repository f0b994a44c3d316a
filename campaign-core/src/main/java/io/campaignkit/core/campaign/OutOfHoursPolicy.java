package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * What happens to a reply that arrives outside the campaign's active hours: it is queued and
 * handed to the bot when hours open ({@link Action#QUEUE}, the default), or the conversation is
 * closed ({@link Action#CLOSE}) and the message goes to the host's unrouted-message handler instead of
 * the bot ({@link io.campaignkit.core.engine.UnroutedMessage.Reason#OUT_OF_HOURS_CLOSED}). Either way
 * nothing the contact wrote is lost, and an automatic reply may be sent.
 *
 * <pre>{@code
 * OutOfHoursPolicy.queue().withAutoReply("Gracias, te respondemos a partir de las 8:00");
 * }</pre>
 */
public record OutOfHoursPolicy(Action action, Optional<String> autoReply) {

    /** What to do with a reply that arrives outside active hours. */
    public enum Action {
        /** Keep it and hand it to the bot when the hours open. */
        QUEUE,
        /**
         * Close the conversation (the bot hears {@code onConversationClosed} with {@code OUT_OF_HOURS})
         * and hand the message to the host's unrouted-message handler with reason
         * {@code OUT_OF_HOURS_CLOSED}; the bot never gets it.
         */
        CLOSE
    }

    /** Longest automatic reply accepted (WhatsApp's text limit). */
    public static final int MAX_AUTO_REPLY_LENGTH = 4096;
    /** The policy of a campaign that does not choose one: queue, no automatic reply. */
    public static final OutOfHoursPolicy DEFAULT = new OutOfHoursPolicy(Action.QUEUE, Optional.empty());

    public OutOfHoursPolicy {
        Arguments.requireNonNull(action, "action");
        Arguments.requireNonNull(autoReply, "autoReply");
        autoReply.ifPresent(text -> {
            Arguments.requireNonBlank(text, "autoReply");
            Arguments.require(
                    text.length() <= MAX_AUTO_REPLY_LENGTH,
                    "autoReply",
                    "autoReply must be at most " + MAX_AUTO_REPLY_LENGTH + " characters, was " + text.length());
        });
    }

    public static OutOfHoursPolicy queue() {
        return DEFAULT;
    }

    public static OutOfHoursPolicy close() {
        return new OutOfHoursPolicy(Action.CLOSE, Optional.empty());
    }

    /** A copy that answers every out-of-hours reply with {@code text}. */
    public OutOfHoursPolicy withAutoReply(String text) {
        return new OutOfHoursPolicy(action, Optional.of(Arguments.requireNonNull(text, "text")));
    }
}
