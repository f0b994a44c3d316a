package io.campaignkit.importer;

import io.campaignkit.core.CampaignKitException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An audience file that could not be read to the end: unreadable, of an unsupported format,
 * empty, or over one of the {@link ImportLimits}. Problems with the header or with rows do not
 * raise this: they are reported in the {@link ImportReport}.
 *
 * <p>{@link #code()} is one of the constants below; {@link #errors()} lists the header problems
 * found before the read stopped, if any.
 */
public final class AudienceImportException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The file cannot be opened or is damaged: not valid text, a broken workbook, encrypted. */
    public static final String UNREADABLE_FILE = "UNREADABLE_FILE";
    /** Neither the content nor the name is TSV, CSV, XLSX or XLS. */
    public static final String UNSUPPORTED_FORMAT = "UNSUPPORTED_FORMAT";
    /** No header row, or a header and no data rows. */
    public static final String EMPTY_FILE = "EMPTY_FILE";
    /** The workbook has no sheet of the requested name (or no sheet at all). */
    public static final String SHEET_NOT_FOUND = "SHEET_NOT_FOUND";
    /** More data rows than {@link ImportLimits#maxRows()}. */
    public static final String TOO_MANY_ROWS = "TOO_MANY_ROWS";
    /** A row longer than {@link ImportLimits#maxRowChars()} characters. */
    public static final String ROW_TOO_LARGE = "ROW_TOO_LARGE";
    /** A workbook whose archive holds more, or bigger, parts than the limits allow. */
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    /** A workbook part that inflates far more than any real workbook does (a "zip bomb"). */
    public static final String ZIP_BOMB = "ZIP_BOMB";

    /** The importing thread was interrupted; the import stopped. */
    public static final String INTERRUPTED = "INTERRUPTED";

    private final transient List<ImportError> errors;

    public AudienceImportException(String code, String message) {
        this(code, message, List.of(), null);
    }

    public AudienceImportException(String code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public AudienceImportException(String code, String message, List<ImportError> errors, @Nullable Throwable cause) {
        super(code, message, cause);
        this.errors = List.copyOf(errors);
    }

    /** Header problems found before the read stopped; usually empty. */
    public List<ImportError> errors() {
        return errors == null ? List.of() : errors;
    }
}
