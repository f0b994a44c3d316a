package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;

/**
 * The value of one dynamic button of a template.
 *
 * @param index the button's zero-based position in the template
 * @param kind  what the value is
 * @param value the payload or URL suffix, not blank
 */
public record ButtonParameter(int index, Kind kind, String value) {

    /** What a button parameter carries. */
    public enum Kind {
        /** The payload sent back when the recipient taps a quick-reply button. */
        QUICK_REPLY_PAYLOAD,
        /** The dynamic suffix appended to a URL button's base URL. */
        URL_SUFFIX
    }

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param index see {@link #index()}
     * @param kind see {@link #kind()}
     * @param value see {@link #value()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public ButtonParameter {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative (was " + index + ")");
        }
        Checks.notNull(kind, "kind");
        Checks.notBlank(value, "value");
    }

    /**
     * A quick-reply payload for the button at {@code index}.
     *
     * @param index   zero-based button position
     * @param payload the payload, not blank
     * @return the parameter
     */
    public static ButtonParameter quickReply(int index, String payload) {
        return new ButtonParameter(index, Kind.QUICK_REPLY_PAYLOAD, payload);
    }

    /**
     * A URL suffix for the button at {@code index}.
     *
     * @param index  zero-based button position
     * @param suffix the suffix, not blank
     * @return the parameter
     */
    public static ButtonParameter urlSuffix(int index, String suffix) {
        return new ButtonParameter(index, Kind.URL_SUFFIX, suffix);
    }
}
