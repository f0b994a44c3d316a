package io.campaignkit.core.data;

import io.campaignkit.core.CampaignKitException;
import java.util.List;
import java.util.stream.Collectors;

/** A contact's custom data does not fit the schema; {@link #violations()} lists every problem. */
public final class CustomDataValidationException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "INVALID_CUSTOM_DATA";
    /** A value for a field the schema does not have. */
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    /** A typed value of another type than its field's. */
    public static final String WRONG_TYPE = "WRONG_TYPE";

    private final List<FieldViolation> violations;

    public CustomDataValidationException(List<FieldViolation> violations) {
        super(CODE, violations.stream().map(FieldViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
