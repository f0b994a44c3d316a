package io.campaignkit.importer;

import io.campaignkit.core.internal.Arguments;
import java.util.List;
import java.util.Optional;

/**
 * What an import found: the format, the counts and the errors. Every data row is counted once,
 * as valid or invalid; {@link #errors()} lists at most the importer's {@code maxErrors} problems in
 * row order while {@link #errorCount()} counts them all. Warnings (a fixed-line number under
 * {@link NotMobilePolicy#WARN}) do not make a row invalid; they are listed and counted the same way.
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
 * @param warningCount every warning found, listed or not
 * @param warnings the first warnings, in row order
 * @param sheet the sheet of a workbook that was read (by default the first visible one); null for text
 * @param encoding the text encoding a TSV or CSV file was read in ({@code UTF-8}, {@code windows-1252}…),
 *     detected or given; null for workbooks
 */
public record ImportReport(
        ImportFormat format,
        ImportPolicy policy,
        boolean headerValid,
        long rows,
        long valid,
        long invalid,
        long errorCount,
        List<ImportError> errors,
        long warningCount,
        List<ImportError> warnings,
        String sheet,
        String encoding) {

    public ImportReport {
        Arguments.requireNonNull(format, "format");
        Arguments.requireNonNull(policy, "policy");
        errors = List.copyOf(Arguments.requireNonNull(errors, "errors"));
        warnings = List.copyOf(Arguments.requireNonNull(warnings, "warnings"));
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

    /** The sheet read, for a workbook. */
    public Optional<String> sheetRead() {
        return Optional.ofNullable(sheet);
    }

    /** The encoding a text file was read in. */
    public Optional<String> encodingUsed() {
        return Optional.ofNullable(encoding);
    }
}
