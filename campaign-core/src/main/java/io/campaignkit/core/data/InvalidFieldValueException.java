package io.campaignkit.core.data;

import io.campaignkit.core.CampaignKitException;
import java.util.Objects;

/**
 * A raw value that does not fit its field: {@code MISSING_VALUE}, {@code INVALID_NUMBER} or
 * {@code INVALID_DATE}. Raised without a stack trace: it reports bad data, and imports raise it
 * once per bad cell.
 */
public final class InvalidFieldValueException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    public static final String MISSING_VALUE = "MISSING_VALUE";
    public static final String INVALID_NUMBER = "INVALID_NUMBER";
    public static final String INVALID_DATE = "INVALID_DATE";

    private final String fieldId;

    InvalidFieldValueException(String code, String fieldId, String message) {
        super(code, message, false);
        this.fieldId = fieldId;
    }

    /** The id of the field whose value was refused. */
    public String fieldId() {
        return fieldId;
    }

    /** The problem as a value, for reports that list many. */
    public FieldViolation toViolation() {
        return new FieldViolation(fieldId, code(), Objects.requireNonNull(getMessage()));
    }
}
