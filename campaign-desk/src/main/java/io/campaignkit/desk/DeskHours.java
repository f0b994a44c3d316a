package io.campaignkit.desk;

import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.desk.internal.Checks;
import java.util.Optional;

/**
 * The desk's schedule: outside {@link #hours}, a handed-off conversation is closed or queued
 * ({@link #action}); with {@link #applyToQueued}, conversations still waiting when hours close get the same
 * action when they open again.
 *
 * @param hours when agents work
 * @param action CLOSE (closed with the inactivity disposition) or QUEUE (waits for the opening)
 * @param applyToQueued conversations waiting at a closing get the action at the next opening
 * @param message the out-of-hours text
 * @param messageOn whether the text is sent: a text alone does not turn it on
 */
public record DeskHours(
        ActiveHours hours,
        OutOfHoursPolicy.Action action,
        boolean applyToQueued,
        Optional<String> message,
        boolean messageOn) {

    public DeskHours {
        Checks.nonNull(hours, "hours");
        Checks.nonNull(action, "action");
        Checks.nonNull(message, "message");
        Checks.require(
                !messageOn || message.isPresent(), "messageOn", "the out-of-hours message is on but has no text");
    }
}
