package io.campaignkit.importer;

import io.campaignkit.core.internal.Arguments;
import java.util.List;

/**
 * What an import found: the format, the counts and the errors. Every data row is counted once,
 * as valid or invalid; {@link #errors()} lists at most the importer's {@code maxErrors} problems in
 * row order while {@link #errorCount()} counts them all.
 *
 * @param format the format the file was read as
 * @param policy the policy the import applied
 * @param headerValid whether the header had no problem (a missing, unknown or duplicate column
 *     refuses the file whatever the policy)
 * @param rows the non-blank data rows (the header and blank rows are not counted)
 * @param valid rows that became contacts
 * @param invalid rows with at least one problem (every row, when the file has no contact column)
 * @param errorCount every problem found, listed or not
 * @param errors the first problems, header problems first, then in row order
 */
public record ImportReport(ImportFormat format, ImportPolicy policy, boolean headerValid, long rows, long valid,
        long invalid, long errorCount, List<ImportError> errors) {

    public ImportReport {
        Arguments.requireNonNull(format, "format");
        Arguments.requireNonNull(policy, "policy");
        errors = List.copyOf(Arguments.requireNonNull(errors, "errors"));
    }

    /**
     * Whether the audience may be used: a valid header, and, under {@link ImportPolicy#STRICT},
     * no invalid row either.
     */
    public boolean accepted() {
        return headerValid && (policy == ImportPolicy.LENIENT || invalid == 0);
    }

    /** Whether more problems were found than listed. */
    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }
}
