package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the reader of a file from its first bytes (a ZIP archive is an XLSX workbook, an OLE2
 * compound file an XLS one, text is TSV or CSV by its header's separator) and, where the content
 * says nothing, from its name.
 */
final class FormatDetector {

    private static final int SNIFF_BYTES = 64 * 1024;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "tab", "txt");
    private static final Set<String> WORKBOOK_EXTENSIONS = Set.of("xlsx", "xlsm", "xls");

    private FormatDetector() {}

    static RowSource open(Path file, ImportSettings settings) {
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new AudienceImportException(AudienceImportException.EMPTY_FILE, "the file is empty");
        }
        if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
            return new XlsxRowSource(file, settings);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return new XlsRowSource(file, settings);
        }
        String extension = extensionOf(file);
        TextEncoding encoding = settings.encoding() != null
                ? TextEncoding.given(head, settings.encoding())
                : TextEncoding.detect(head, head.length < SNIFF_BYTES);
        if (encoding != null) {
            char delimiter = detectDelimiter(encoding.decodeHead(head), extension);
            return new TextRowSource(
                    file, encoding, delimiter, settings.limits().maxRowChars());
        }
        if (TEXT_EXTENSIONS.contains(extension) || WORKBOOK_EXTENSIONS.contains(extension)) {
            throw new AudienceImportException(
                    AudienceImportException.UNREADABLE_FILE,
                    "the file is named ."
                            + extension + " but is neither text (UTF-8, UTF-16 with a byte order mark, Windows-1252 or"
                            + " ISO-8859-15) nor an Excel workbook: it looks like binary data");
        }
        throw new AudienceImportException(
                AudienceImportException.UNSUPPORTED_FORMAT,
                "the file is not TSV, CSV, XLSX or XLS" + (extension.isEmpty() ? "" : " (named ." + extension + ")")
                        + ": save it from the spreadsheet as .xlsx, or as CSV UTF-8");
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new AudienceImportException(
                    AudienceImportException.UNREADABLE_FILE, "the file cannot be read: " + e.getMessage(), e);
        }
    }

    /** The separator the header line uses most; the file name breaks a tie. */
    static char detectDelimiter(String head, String extension) {
        String header = firstNonBlankLine(head);
        int tabs = count(header, '\t');
        int semicolons = count(header, ';');
        int commas = count(header, ',');
        if (tabs > 0 && tabs >= semicolons && tabs >= commas) {
            return '\t';
        }
        if (semicolons > 0 && semicolons >= commas) {
            return ';';
        }
        if (commas > 0) {
            return ',';
        }
        return extension.equals("csv") ? ',' : '\t';
    }

    static ImportFormat formatOf(char delimiter) {
        return delimiter == '\t' ? ImportFormat.TSV : ImportFormat.CSV;
    }

    private static String firstNonBlankLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                return line;
            }
            start = end + 1;
        }
        return "";
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extensionOf(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The text encoding of a file: UTF-8 (with or without BOM), UTF-16 with a BOM, or, for text
     * that is not UTF-8, the single-byte encodings spreadsheets on Windows and older systems save
     * in: Windows-1252 (Excel's "CSV" on Western-European Windows), or ISO-8859-15.
     */
    record TextEncoding(java.nio.charset.Charset charset, int bomLength) {

        static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");
        static final java.nio.charset.Charset ISO_8859_15 = java.nio.charset.Charset.forName("ISO-8859-15");
        /** Text in a single-byte encoding has mostly ASCII; more non-ASCII bytes than this is binary. */
        private static final int MAX_NON_ASCII_PERCENT = 30;
        /** Where ISO-8859-15 has '€' and ISO-8859-1 / Windows-1252 the rare currency sign '¤'. */
        private static final int LATIN9_EURO = 0xA4;

        /** The encoding the head decodes in without error, or null if it does not look like text. */
        static TextEncoding detect(byte[] head, boolean wholeFile) {
            TextEncoding bom = byBom(head);
            TextEncoding candidate = bom != null ? bom : new TextEncoding(java.nio.charset.StandardCharsets.UTF_8, 0);
            if (candidate.decodes(head, wholeFile)) {
                return candidate;
            }
            if (bom != null) {
                return null;
            }
            TextEncoding singleByte = new TextEncoding(singleByteCharset(head), 0);
            return singleByte.charset != null && singleByte.decodes(head, wholeFile) ? singleByte : null;
        }

        /** The encoding the host gave, unless a byte order mark says otherwise. */
        static TextEncoding given(byte[] head, java.nio.charset.Charset charset) {
            TextEncoding bom = byBom(head);
            return bom != null ? bom : new TextEncoding(charset, 0);
        }

        private static TextEncoding byBom(byte[] head) {
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return new TextEncoding(java.nio.charset.StandardCharsets.UTF_8, 3);
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return new TextEncoding(java.nio.charset.StandardCharsets.UTF_16LE, 2);
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return new TextEncoding(java.nio.charset.StandardCharsets.UTF_16BE, 2);
            }
            return null;
        }

        /**
         * Windows-1252, unless the text has none of its own characters (bytes 0x80-0x9F: €, ", …)
         * and has the byte that is '€' in ISO-8859-15; null when too many bytes are not ASCII.
         */
        private static java.nio.charset.Charset singleByteCharset(byte[] head) {
            int nonAscii = 0;
            boolean windowsOnly = false;
            boolean latin9Euro = false;
            for (byte b : head) {
                int value = b & 0xFF;
                if (value >= 0x80) {
                    nonAscii++;
                    windowsOnly |= value <= 0x9F;
                    latin9Euro |= value == LATIN9_EURO;
                }
            }
            if (nonAscii * 100L > (long) head.length * MAX_NON_ASCII_PERCENT) {
                return null;
            }
            return latin9Euro && !windowsOnly ? ISO_8859_15 : WINDOWS_1252;
        }

        private boolean decodes(byte[] head, boolean wholeFile) {
            CharBuffer chars = CharBuffer.allocate(head.length);
            CoderResult result =
                    decoder().decode(ByteBuffer.wrap(head, bomLength, head.length - bomLength), chars, wholeFile);
            if (result.isError()) {
                return false;
            }
            chars.flip();
            return looksLikeText(chars);
        }

        CharsetDecoder decoder() {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        String decodeHead(byte[] head) {
            return new String(head, bomLength, head.length - bomLength, charset);
        }

        /** Text has no NUL and hardly any other control character. */
        private static boolean looksLikeText(CharBuffer chars) {
            int controls = 0;
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.get(i);
                if (c == 0) {
                    return false;
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    controls++;
                }
            }
            return controls * 100 <= chars.length();
        }
    }
}
