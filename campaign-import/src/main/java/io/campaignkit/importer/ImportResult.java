package io.campaignkit.importer;

import io.campaignkit.core.internal.Arguments;
import java.util.List;

/**
 * The outcome of an all-in-memory import ({@link AudienceImporter#importFile(java.nio.file.Path)}):
 * the {@link ImportReport} and every valid contact in row order. For files too large to hold,
 * use the streaming form instead.
 *
 * <p>A refused file hands out no audience by mistake: {@link #contacts()} throws when the
 * import was not {@link #accepted()} (an invalid header, or an invalid row under
 * {@link ImportPolicy#STRICT}); a host that wants the valid rows of a refused file anyway, to
 * show them for instance, asks {@link #validRowsEvenIfRefused()}.
 */
public final class ImportResult {

    private final ImportReport report;
    private final List<ImportedContact> validRows;

    public ImportResult(ImportReport report, List<ImportedContact> validRows) {
        this.report = Arguments.requireNonNull(report, "report");
        this.validRows = List.copyOf(Arguments.requireNonNull(validRows, "validRows"));
    }

    public ImportReport report() {
        return report;
    }

    /**
     * The audience: every valid contact in row order.
     *
     * @throws IllegalStateException when the import refused the file ({@link #accepted()} is false)
     */
    public List<ImportedContact> contacts() {
        if (!accepted()) {
            throw new IllegalStateException("the import refused the file ("
                    + (report.headerValid()
                            ? report.invalid() + " invalid rows under the " + report.policy() + " policy"
                            : "its header is invalid")
                    + "), so it has no audience: check accepted() and report().errors()"
                    + " first, or take validRowsEvenIfRefused()");
        }
        return validRows;
    }

    /** The valid rows, whether or not the import accepted the file: never an audience to send to as such. */
    public List<ImportedContact> validRowsEvenIfRefused() {
        return validRows;
    }

    public ImportFormat format() {
        return report.format();
    }

    public long rows() {
        return report.rows();
    }

    public long valid() {
        return report.valid();
    }

    public long invalid() {
        return report.invalid();
    }

    public List<ImportError> errors() {
        return report.errors();
    }

    /** See {@link ImportReport#warnings()}. */
    public List<ImportError> warnings() {
        return report.warnings();
    }

    /** See {@link ImportReport#accepted()}. */
    public boolean accepted() {
        return report.accepted();
    }

    @Override
    public String toString() {
        return "ImportResult[" + report + ", " + validRows.size() + " valid rows]";
    }
}
