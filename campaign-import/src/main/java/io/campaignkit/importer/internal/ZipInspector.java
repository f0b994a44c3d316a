package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
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
                    throw new AudienceImportException(
                            AudienceImportException.FILE_TOO_LARGE,
                            "the workbook holds more than " + limits.maxArchiveEntries() + " parts");
                }
                if (!entry.isDirectory()) {
                    total += inflatedSize(zip, entry, limits, chunk, limits.maxTotalBytes() - total);
                }
            }
        } catch (ZipException e) {
            throw new AudienceImportException(
                    AudienceImportException.UNREADABLE_FILE,
                    "the workbook is damaged (its ZIP archive cannot be read: " + e.getMessage() + ")",
                    e);
        }
    }

    /** Content types of a workbook's main part: .xlsx, .xlsm, .xltx, .xltm. */
    private static final List<String> WORKBOOK_CONTENT_TYPES = List.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
            "application/vnd.ms-excel.template.macroEnabled.main+xml");

    private static final String XLSB_CONTENT_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main";
    /** Strict Open XML names its relationships and parts under this namespace instead of the transitional one. */
    private static final String STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/";
    /** Package-level parts read whole to tell what the archive is; bigger ones are not a real workbook's. */
    private static final int MAX_PACKAGE_PART_BYTES = 1024 * 1024;

    /**
     * Tells a workbook from the other ZIP-based files by what the package itself declares (its
     * content types and its main relationship), not by part names that writers choose freely.
     */
    static void requireWorkbook(ZipFile zip) throws IOException {
        String contentTypes = packagePart(zip, "[Content_Types].xml");
        String relationships = packagePart(zip, "_rels/.rels");
        if (zip.getEntry("xl/workbook.bin") != null || contentTypes.contains(XLSB_CONTENT_TYPE)) {
            throw new AudienceImportException(
                    AudienceImportException.UNSUPPORTED_FORMAT,
                    "Excel binary"
                            + " workbook (.xlsb) is not supported: open it in Excel and save it as Excel Workbook (.xlsx)");
        }
        if (relationships.contains(STRICT_NAMESPACE) || contentTypes.contains(STRICT_NAMESPACE)) {
            throw strictOpenXml();
        }
        if (WORKBOOK_CONTENT_TYPES.stream().anyMatch(contentTypes::contains)
                || zip.getEntry("xl/workbook.xml") != null) {
            return;
        }
        String what = zip.getEntry("mimetype") != null || contentTypes.isEmpty() && zip.getEntry("content.xml") != null
                ? "an OpenDocument file (.ods)"
                : contentTypes.contains("wordprocessingml")
                        ? "a Word document"
                        : contentTypes.contains("presentationml") ? "a PowerPoint presentation" : "a ZIP archive";
        throw new AudienceImportException(
                AudienceImportException.UNSUPPORTED_FORMAT,
                "the file is " + what + ", not an Excel workbook: save the contacts from the spreadsheet as .xlsx");
    }

    static AudienceImportException strictOpenXml() {
        return new AudienceImportException(
                AudienceImportException.UNSUPPORTED_FORMAT,
                "the workbook is saved as"
                        + " Strict Open XML Spreadsheet, which is not supported: open it in Excel and save it as Excel"
                        + " Workbook (.xlsx)");
    }

    /** A small package part as text; empty when absent. */
    private static String packagePart(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(MAX_PACKAGE_PART_BYTES), StandardCharsets.UTF_8);
        }
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
                    throw new AudienceImportException(
                            AudienceImportException.FILE_TOO_LARGE,
                            "workbook part '" + entry.getName() + "' is larger than " + limits.maxEntryBytes()
                                    + " bytes");
                }
                if (inflated > totalLeft) {
                    throw new AudienceImportException(
                            AudienceImportException.FILE_TOO_LARGE,
                            "the workbook's parts are larger than " + limits.maxTotalBytes() + " bytes in all");
                }
                if (inflated > limits.inflationGraceBytes() && inflated / compressed > limits.maxInflationRatio()) {
                    throw new AudienceImportException(
                            AudienceImportException.ZIP_BOMB,
                            "workbook part '"
                                    + entry.getName() + "' inflates more than " + limits.maxInflationRatio()
                                    + " times its compressed size: no real workbook does that, refused as a zip bomb");
                }
            }
        }
        return inflated;
    }
}
