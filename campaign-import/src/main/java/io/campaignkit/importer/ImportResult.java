package io.campaignkit.importer;

import io.campaignkit.core.internal.Arguments;
import java.util.List;

/**
 * The outcome of an all-in-memory import ({@link AudienceImporter#importFile(java.nio.file.Path)}):
 * the {@link ImportReport} and every valid contact in row order. For files too large to hold,
 * use the streaming form instead.
 */
public record ImportResult(ImportReport report, List<ImportedContact> contacts) {

    public ImportResult {
        Arguments.requireNonNull(report, "report");
        contacts = List.copyOf(Arguments.requireNonNull(contacts, "contacts"));
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

    /** See {@link ImportReport#accepted()}. */
    public boolean accepted() {
        return report.accepted();
    }
}
