package io.campaignkit.importer;

import java.util.Locale;

/** The format an audience file was read as, detected from its content and, failing that, its name. */
public enum ImportFormat {
    /** Tab-separated text (also Excel's "Unicode text" export). */
    TSV,
    /** Comma- or semicolon-separated text. */
    CSV,
    /** Excel 2007+ workbook (Office Open XML, a ZIP archive). */
    XLSX,
    /** Excel 97-2003 workbook (BIFF8 in an OLE2 compound file). */
    XLS;

    /** The lower-case name used in reports: {@code "tsv"}, {@code "csv"}, {@code "xlsx"}, {@code "xls"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
