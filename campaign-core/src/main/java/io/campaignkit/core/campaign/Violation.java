package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;

/**
 * One missing or invalid field of a campaign's configuration.
 *
 * @param field the path of the field, such as {@code name}, {@code message.{{2}}},
 *     {@code deliveryPlan.endAt} or {@code audience.contacts[0].MONTO}
 * @param code a stable code, one of the constants below (or a custom-data code such as {@code MISSING_VALUE})
 * @param message a sentence for people
 */
public record Violation(String field, String code, String message) {

    /** A mandatory field is not set. */
    public static final String MISSING = "MISSING";
    /** A placeholder of the message has no binding. */
    public static final String UNBOUND_PLACEHOLDER = "UNBOUND_PLACEHOLDER";
    /** A binding of the message has no placeholder. */
    public static final String EXTRA_BINDING = "EXTRA_BINDING";
    /** A binding names a custom field the schema does not define. */
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    /** The delivery plan ends at or before its start. */
    public static final String END_BEFORE_START = "END_BEFORE_START";
    /** The delivery plan ends at or before the moment of launch. */
    public static final String END_IN_PAST = "END_IN_PAST";
    /** A TEST campaign whose audience is not a list of test numbers. */
    public static final String TEST_AUDIENCE_REQUIRED = "TEST_AUDIENCE_REQUIRED";
    /** A LIVE campaign whose audience is a list of test numbers. */
    public static final String TEST_AUDIENCE_IN_LIVE = "TEST_AUDIENCE_IN_LIVE";
    /** The active hours never open. */
    public static final String HOURS_NEVER_OPEN = "HOURS_NEVER_OPEN";

    public Violation {
        Arguments.requireNonBlank(field, "field");
        Arguments.requireNonBlank(code, "code");
        Arguments.requireNonBlank(message, "message");
    }
}
