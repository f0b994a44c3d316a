package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ConversationStore#closeConversations} did.
 *
 * @param closed the conversations it closed
 * @param oldestActivity the earliest {@code lastActivityAt} among the campaign's conversations still
 *     open, for the next inactivity timeout
 */
public record ConversationSweep(List<Conversation> closed, Optional<Instant> oldestActivity) {

    public ConversationSweep {
        closed = List.copyOf(Arguments.requireNoNullElements(closed, "closed"));
        Arguments.requireNonNull(oldestActivity, "oldestActivity");
    }
}
