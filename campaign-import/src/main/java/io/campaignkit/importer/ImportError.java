package io.campaignkit.importer;

import io.campaignkit.core.internal.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in an audience file, located as a spreadsheet shows it.
 *
 * @param row the row number as a spreadsheet shows it: the header is row 1, blank rows count
 * @param column the header of the column ({@code CONTACT}, a field id), or its letter when the
 *     column has no header
 * @param code a stable machine-readable code, one of the constants of this type
 * @param reason a finer machine-readable reason where the code has one ({@code INVALID_PHONE}:
 *     {@code TOO_SHORT}, {@code UNKNOWN_COUNTRY_CODE}, {@link #NOT_MOBILE}, …), else null
 * @param message what is wrong, for a person, starting with the cell reference ({@code B5: …})
 *     where there is one
 */
public record ImportError(
        int row, String column, String code, @Nullable String reason, String message) {

    // File-level codes: the header, or the file as a whole.
    public static final String MISSING_CONTACT_COLUMN = "MISSING_CONTACT_COLUMN";
    public static final String MISSING_COLUMN = "MISSING_COLUMN";
    public static final String UNKNOWN_COLUMN = "UNKNOWN_COLUMN";
    public static final String DUPLICATE_COLUMN = "DUPLICATE_COLUMN";

    // Row-level codes.
    public static final String INVALID_PHONE = "INVALID_PHONE";
    public static final String DUPLICATE_CONTACT = "DUPLICATE_CONTACT";
    public static final String MISSING_VALUE = "MISSING_VALUE";
    public static final String INVALID_NUMBER = "INVALID_NUMBER";
    public static final String INVALID_DATE = "INVALID_DATE";
    /** A value of the {@linkplain AudienceImporter.Builder#zoneField zone field} that is no time-zone id. */
    public static final String INVALID_TIME_ZONE = "INVALID_TIME_ZONE";

    /**
     * The reason of an {@code INVALID_PHONE} problem for a valid number that libphonenumber calls
     * a fixed line: it cannot receive SMS or WhatsApp. A warning, or an error under
     * {@link NotMobilePolicy#REFUSE}.
     */
    public static final String NOT_MOBILE = "NOT_MOBILE";

    public ImportError {
        Arguments.requireNonNull(column, "column");
        Arguments.requireNonNull(code, "code");
        Arguments.requireNonNull(message, "message");
    }

    /** An error with no finer reason. */
    public static ImportError of(int row, String column, String code, String message) {
        return new ImportError(row, column, code, null, message);
    }
}
