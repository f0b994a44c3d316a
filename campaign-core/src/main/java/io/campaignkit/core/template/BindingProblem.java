package io.campaignkit.core.template;

import io.campaignkit.core.internal.Arguments;

/**
 * One problem of a message's bindings, found by {@link TemplateMessage#check}.
 *
 * @param placeholder the placeholder number concerned ({@code 2} for {@code {{2}}})
 * @param code one of the codes below, stable
 * @param message a sentence for people
 */
public record BindingProblem(int placeholder, String code, String message) {

    public BindingProblem {
        Arguments.requirePositive(placeholder, "placeholder");
        Arguments.requireNonBlank(code, "code");
        Arguments.requireNonBlank(message, "message");
    }

    /** A placeholder has no binding. */
    public static final String UNBOUND_PLACEHOLDER = "UNBOUND_PLACEHOLDER";
    /** A binding for a placeholder the template does not have. */
    public static final String EXTRA_BINDING = "EXTRA_BINDING";
    /** A binding to a custom field the campaign's schema does not define. */
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    /** A {@link ValueFormat} of another type than its field: a number format on a text or date field. */
    public static final String FORMAT_MISMATCH = "FORMAT_MISMATCH";
}
