package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an XLSX archive against this import's {@link ImportLimits} before POI opens it: entry
 * count, the bytes each entry really inflates to (counted, not taken from the headers, which a
 * hostile file can fake), the total, and the inflation ratio. POI's own {@code ZipSecureFile}
 * limits are JVM-wide statics; we neither change them nor rely on them.
 *
 * <p>It also tells a workbook from other ZIP-based files (OpenDocument, Word, plain archives).
 */
final class ZipInspector {

    private static final int CHUNK = 64 * 1024;

    private ZipInspector() {}

    static void inspect(Path file, ImportLimits limits) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            requireWorkbook(zip);
            byte[] chunk = new byte[CHUNK];
            long total = 0;
            int entries = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > limits.maxArchiveEntries()) {
                    throw new AudienceImportException(AudienceImportException.FILE_TOO_LARGE,
                            "the workbook holds more than " + limits.maxArchiveEntries() + " parts");
                }
                if (!entry.isDirectory()) {
                    total += inflatedSize(zip, entry, limits, chunk, limits.maxTotalBytes() - total);
                }
            }
        } catch (ZipException e) {
            throw new AudienceImportException(AudienceImportException.UNREADABLE_FILE,
                    "the workbook is damaged (its ZIP archive cannot be read: " + e.getMessage() + ")", e);
        }
    }

    private static void requireWorkbook(ZipFile zip) {
        if (zip.getEntry("xl/workbook.xml") != null || zip.getEntry("[Content_Types].xml") != null
                && zip.stream().anyMatch(entry -> entry.getName().startsWith("xl/") && entry.getName().endsWith(".xml"))) {
            return;
        }
        String what = zip.getEntry("xl/workbook.bin") != null ? "an Excel binary workbook (.xlsb)"
                : zip.getEntry("mimetype") != null ? "an OpenDocument file (.ods)"
                : zip.getEntry("word/document.xml") != null ? "a Word document"
                : "a ZIP archive";
        throw new AudienceImportException(AudienceImportException.UNSUPPORTED_FORMAT,
                "the file is " + what + ", not an Excel workbook: save it from the spreadsheet as .xlsx");
    }

    private static long inflatedSize(ZipFile zip, ZipEntry entry, ImportLimits limits, byte[] chunk, long totalLeft)
            throws IOException {
        long compressed = Math.max(1, entry.getCompressedSize());
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int read;
            while ((read = in.read(chunk)) > 0) {
                inflated += read;
                if (inflated > limits.maxEntryBytes()) {
                    throw new AudienceImportException(AudienceImportException.FILE_TOO_LARGE, "workbook part '"
                            + entry.getName() + "' is larger than " + limits.maxEntryBytes() + " bytes");
                }
                if (inflated > totalLeft) {
                    throw new AudienceImportException(AudienceImportException.FILE_TOO_LARGE,
                            "the workbook's parts are larger than " + limits.maxTotalBytes() + " bytes in all");
                }
                if (inflated > limits.inflationGraceBytes() && inflated / compressed > limits.maxInflationRatio()) {
                    throw new AudienceImportException(AudienceImportException.ZIP_BOMB, "workbook part '"
                            + entry.getName() + "' inflates more than " + limits.maxInflationRatio()
                            + " times its compressed size: no real workbook does that, refused as a zip bomb");
                }
            }
        }
        return inflated;
    }
}
