package io.campaignkit.core.hours;

import io.campaignkit.core.CampaignKitException;

/**
 * The text form of active hours could not be read. The message says what is wrong, quotes the
 * offending part and where it starts, for instance
 * {@code unknown day "FRY", expected MON, TUE, WED, THU, FRI, SAT or SUN (at index 4 of "MON-FRY 08:00-21:00")}.
 * Raised without a stack trace: it reports bad input, not a bug.
 */
public final class InvalidActiveHoursException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code InvalidActiveHoursException}. */
    public static final String CODE = "INVALID_ACTIVE_HOURS";

    private final String text;
    private final String token;
    private final int index;

    InvalidActiveHoursException(String text, String token, int index, String problem) {
        super(CODE, problem + " (at index " + index + " of \"" + text + "\")", false);
        this.text = text;
        this.token = token;
        this.index = index;
    }

    /** The whole text that was refused. */
    public String text() {
        return text;
    }

    /** The offending part of the text (empty when the text ended too early). */
    public String token() {
        return token;
    }

    /** Where the offending part starts in {@link #text()}, counting from 0. */
    public int index() {
        return index;
    }
}
