package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;

/** A change of one open conversation ({@link ConversationStore#changeConversation}). */
public sealed interface ConversationChange {

    /**
     * The bot wrote in the conversation at {@code at}: {@code lastActivityAt} becomes {@code at} if
     * that is later (inactivity restarts); otherwise nothing changes.
     */
    record Touch(Instant at) implements ConversationChange {
        public Touch {
            Arguments.requireNonNull(at, "at");
        }
    }

    /**
     * An out-of-hours automatic reply is sent at {@code now} unless one was already recorded at or
     * after {@code periodStart} (the start of the current closed period): so the reply goes out once
     * per conversation per closed period. Changes {@code lastAutoReplyAt} to {@code now} when it applies.
     */
    record MarkAutoReply(Instant periodStart, Instant now) implements ConversationChange {
        public MarkAutoReply {
            Arguments.requireNonNull(periodStart, "periodStart");
            Arguments.requireNonNull(now, "now");
        }
    }

    /** Closes the conversation at {@code at} for {@code reason}. */
    record Close(String reason, Instant at) implements ConversationChange {
        public Close {
            Arguments.requireNonBlank(reason, "reason");
            Arguments.requireNonNull(at, "at");
        }
    }
}
