package io.campaignkit.desk;

import io.campaignkit.desk.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * A campaign's conversation policies, enforced by the desk: an action they forbid is refused with a
 * {@link DeskRefusedException} naming the policy ({@link #MEDIA}, ...), and nothing changes.
 *
 * @param mediaAllowed agents may send media (external resources)
 * @param transferAllowed agents may transfer a conversation to another agent
 * @param showContactNumber agents see the contact's number; otherwise every agent-facing view masks it
 * @param historyWindow how far back the transcript is shown to agents (empty: all of it); never beyond the desk's ceiling
 * @param reassignWhenExclusiveOffline an agent going OFFLINE or LOGGED_OUT puts its conversations back in the queue
 * @param closeWithoutAnswerAllowed an agent may close a conversation it never answered
 * @param emojiAllowed agents' texts may hold emoji
 * @param voiceNotesAllowed agents may send voice notes
 */
public record ConversationPolicies(
        boolean mediaAllowed,
        boolean transferAllowed,
        boolean showContactNumber,
        Optional<Duration> historyWindow,
        boolean reassignWhenExclusiveOffline,
        boolean closeWithoutAnswerAllowed,
        boolean emojiAllowed,
        boolean voiceNotesAllowed) {

    public static final String MEDIA = "MEDIA_ALLOWED";
    public static final String TRANSFER = "TRANSFER_ALLOWED";
    public static final String SHOW_NUMBER = "SHOW_CONTACT_NUMBER";
    public static final String HISTORY = "HISTORY_WINDOW";
    public static final String REASSIGN = "REASSIGN_WHEN_EXCLUSIVE_OFFLINE";
    public static final String CLOSE_WITHOUT_ANSWER = "CLOSE_WITHOUT_ANSWER_ALLOWED";
    public static final String EMOJI = "EMOJI_ALLOWED";
    public static final String VOICE_NOTES = "VOICE_NOTES_ALLOWED";

    /** Everything allowed, the number shown, the whole history. */
    public static final ConversationPolicies PERMISSIVE =
            new ConversationPolicies(true, true, true, Optional.empty(), true, true, true, true);

    public ConversationPolicies {
        Checks.nonNull(historyWindow, "historyWindow");
        historyWindow.ifPresent(window -> Checks.require(
                !window.isNegative() && !window.isZero(), HISTORY, HISTORY + " must be positive, was " + window));
    }

    public ConversationPolicies withMedia(boolean allowed) {
        return new ConversationPolicies(
                allowed,
                transferAllowed,
                showContactNumber,
                historyWindow,
                reassignWhenExclusiveOffline,
                closeWithoutAnswerAllowed,
                emojiAllowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withTransfer(boolean allowed) {
        return new ConversationPolicies(
                mediaAllowed,
                allowed,
                showContactNumber,
                historyWindow,
                reassignWhenExclusiveOffline,
                closeWithoutAnswerAllowed,
                emojiAllowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withShowContactNumber(boolean shown) {
        return new ConversationPolicies(
                mediaAllowed,
                transferAllowed,
                shown,
                historyWindow,
                reassignWhenExclusiveOffline,
                closeWithoutAnswerAllowed,
                emojiAllowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withHistoryHours(int hours) {
        return new ConversationPolicies(
                mediaAllowed,
                transferAllowed,
                showContactNumber,
                Optional.of(Duration.ofHours(hours)),
                reassignWhenExclusiveOffline,
                closeWithoutAnswerAllowed,
                emojiAllowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withReassignWhenExclusiveOffline(boolean reassign) {
        return new ConversationPolicies(
                mediaAllowed,
                transferAllowed,
                showContactNumber,
                historyWindow,
                reassign,
                closeWithoutAnswerAllowed,
                emojiAllowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withCloseWithoutAnswer(boolean allowed) {
        return new ConversationPolicies(
                mediaAllowed,
                transferAllowed,
                showContactNumber,
                historyWindow,
                reassignWhenExclusiveOffline,
                allowed,
                emojiAllowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withEmoji(boolean allowed) {
        return new ConversationPolicies(
                mediaAllowed,
                transferAllowed,
                showContactNumber,
                historyWindow,
                reassignWhenExclusiveOffline,
                closeWithoutAnswerAllowed,
                allowed,
                voiceNotesAllowed);
    }

    public ConversationPolicies withVoiceNotes(boolean allowed) {
        return new ConversationPolicies(
                mediaAllowed,
                transferAllowed,
                showContactNumber,
                historyWindow,
                reassignWhenExclusiveOffline,
                closeWithoutAnswerAllowed,
                emojiAllowed,
                allowed);
    }
}
