package io.campaignkit.core.contact;

import io.campaignkit.core.CampaignKitException;
import org.jspecify.annotations.Nullable;

/**
 * A phone number that could not be read as a valid international number. {@link #reason()} says
 * why; the message shows the input and the reason in words. Raised without a stack trace: it
 * reports bad data, not a bug, and imports raise it once per bad row.
 */
public final class InvalidPhoneNumberException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code InvalidPhoneNumberException}. */
    public static final String CODE = "INVALID_PHONE";

    /** Why a number was refused. */
    public enum Reason {
        /** Nothing but blanks. */
        EMPTY("is empty"),
        /** A character other than digits, a leading '+', spaces, dashes, dots and parentheses. */
        INVALID_CHARACTERS("has characters that are not part of a phone number"),
        TOO_SHORT("is too short"),
        TOO_LONG("is too long"),
        UNKNOWN_COUNTRY_CODE("does not start with a known country code"),
        /** The length or the digits are not those of a number of its country. */
        NOT_VALID_FOR_COUNTRY("is not a valid number for its country");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /** The reason in words, to follow "the number …". */
        public String words() {
            return words;
        }
    }

    private final String input;
    private final Reason reason;

    InvalidPhoneNumberException(String input, Reason reason, @Nullable String detail) {
        super(
                CODE,
                "phone number '" + input + "' " + reason.words() + (detail == null ? "" : " (" + detail + ")"),
                false);
        this.input = input;
        this.reason = reason;
    }

    /** The text that was given. */
    public String input() {
        return input;
    }

    public Reason reason() {
        return reason;
    }
}
