package io.campaignkit.importer;

import io.campaignkit.core.internal.Arguments;

/**
 * The sizes an import accepts, so that a hostile or broken file is refused with a clear error
 * instead of exhausting memory or time. The limits apply to one import only: nothing here
 * changes a JVM-wide setting (in particular not Apache POI's static {@code ZipSecureFile} limits,
 * which the host may have set for its own reasons and which still apply after ours).
 *
 * <p>Start from {@link #ofDefaults()} or {@link #custom()}.
 *
 * @param maxRows most data rows (non-blank rows after the header); more is {@code TOO_MANY_ROWS}
 * @param maxRowChars most characters in one row, all cells together; more is {@code ROW_TOO_LARGE}
 * @param maxArchiveEntries most entries in an XLSX archive; more is {@code FILE_TOO_LARGE}
 * @param maxEntryBytes most bytes one XLSX part inflates to; more is {@code FILE_TOO_LARGE}
 * @param maxTotalBytes most bytes all XLSX parts inflate to; more is {@code FILE_TOO_LARGE}
 * @param maxInflationRatio most inflated bytes per compressed byte of an XLSX part larger than
 *     {@code inflationGraceBytes}; more is {@code ZIP_BOMB}
 * @param inflationGraceBytes parts up to this size are not checked for their ratio (small XML
 *     parts such as styles legitimately compress very well)
 */
public record ImportLimits(
        long maxRows,
        int maxRowChars,
        int maxArchiveEntries,
        long maxEntryBytes,
        long maxTotalBytes,
        int maxInflationRatio,
        long inflationGraceBytes) {

    public static final long DEFAULT_MAX_ROWS = 5_000_000;
    public static final int DEFAULT_MAX_ROW_CHARS = 64 * 1024;
    /** As Apache POI's own default (1,000). */
    public static final int DEFAULT_MAX_ARCHIVE_ENTRIES = 1_000;

    public static final long DEFAULT_MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;
    /** 100 to 1, as Apache POI's own default minimum inflate ratio (0.01). */
    public static final int DEFAULT_MAX_INFLATION_RATIO = 100;
    /** 100 KiB, as Apache POI's own default grace size. */
    public static final long DEFAULT_INFLATION_GRACE_BYTES = 100 * 1024;

    private static final ImportLimits DEFAULTS = custom().build();

    public ImportLimits {
        Arguments.requirePositive(maxRows, "maxRows");
        Arguments.requirePositive(maxRowChars, "maxRowChars");
        Arguments.requirePositive(maxArchiveEntries, "maxArchiveEntries");
        Arguments.requirePositive(maxEntryBytes, "maxEntryBytes");
        Arguments.requirePositive(maxTotalBytes, "maxTotalBytes");
        Arguments.requirePositive(maxInflationRatio, "maxInflationRatio");
        Arguments.require(
                inflationGraceBytes >= 0,
                "inflationGraceBytes",
                "inflationGraceBytes must not be negative, was " + inflationGraceBytes);
    }

    public static ImportLimits ofDefaults() {
        return DEFAULTS;
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder()
                .maxRows(maxRows)
                .maxRowChars(maxRowChars)
                .maxArchiveEntries(maxArchiveEntries)
                .maxEntryBytes(maxEntryBytes)
                .maxTotalBytes(maxTotalBytes)
                .maxInflationRatio(maxInflationRatio)
                .inflationGraceBytes(inflationGraceBytes);
    }

    /** Builds {@link ImportLimits}; every value starts at its default. */
    public static final class Builder {
        private long maxRows = DEFAULT_MAX_ROWS;
        private int maxRowChars = DEFAULT_MAX_ROW_CHARS;
        private int maxArchiveEntries = DEFAULT_MAX_ARCHIVE_ENTRIES;
        private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
        private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
        private int maxInflationRatio = DEFAULT_MAX_INFLATION_RATIO;
        private long inflationGraceBytes = DEFAULT_INFLATION_GRACE_BYTES;

        private Builder() {}

        public Builder maxRows(long maxRows) {
            this.maxRows = maxRows;
            return this;
        }

        public Builder maxRowChars(int maxRowChars) {
            this.maxRowChars = maxRowChars;
            return this;
        }

        public Builder maxArchiveEntries(int maxArchiveEntries) {
            this.maxArchiveEntries = maxArchiveEntries;
            return this;
        }

        public Builder maxEntryBytes(long maxEntryBytes) {
            this.maxEntryBytes = maxEntryBytes;
            return this;
        }

        public Builder maxTotalBytes(long maxTotalBytes) {
            this.maxTotalBytes = maxTotalBytes;
            return this;
        }

        public Builder maxInflationRatio(int maxInflationRatio) {
            this.maxInflationRatio = maxInflationRatio;
            return this;
        }

        public Builder inflationGraceBytes(long inflationGraceBytes) {
            this.inflationGraceBytes = inflationGraceBytes;
            return this;
        }

        public ImportLimits build() {
            return new ImportLimits(
                    maxRows,
                    maxRowChars,
                    maxArchiveEntries,
                    maxEntryBytes,
                    maxTotalBytes,
                    maxInflationRatio,
                    inflationGraceBytes);
        }
    }
}
