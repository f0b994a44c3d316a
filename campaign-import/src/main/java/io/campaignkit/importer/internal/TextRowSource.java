package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text (RFC 4180 style): fields separated by one delimiter, optionally quoted
 * with {@code "} (a doubled quote inside is one quote; quoted fields may hold delimiters and line
 * breaks), records ended by LF, CRLF or CR. A record is one spreadsheet row, so the row numbers
 * match what a spreadsheet shows when it opens the file.
 *
 * <p>Hand-written rather than a CSV library because the import needs what none offered as a
 * whole: a row-size limit enforced while reading (an unclosed quote must not swallow the file
 * into memory), spreadsheet row numbers, strict decoding errors and binary detection.
 */
final class TextRowSource implements RowSource {

    private static final int BUFFER_CHARS = 64 * 1024;
    private static final int INITIAL_FIELDS = 16;

    private final Path file;
    private final FormatDetector.TextEncoding encoding;
    private final char delimiter;
    private final int maxRowChars;

    private InputStream in;
    private CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_CHARS);
    private boolean endOfInput;
    private boolean flushed;
    private CharacterCodingException pendingError;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private int rowNumber;

    TextRowSource(Path file, FormatDetector.TextEncoding encoding, char delimiter, int maxRowChars) {
        this.file = file;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.maxRowChars = maxRowChars;
    }

    @Override
    public ImportFormat format() {
        return FormatDetector.formatOf(delimiter);
    }

    @Override
    public String encoding() {
        return encoding.charset().name();
    }

    @Override
    public void read(RowSink sink) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            input.skipNBytes(encoding.bomLength());
            in = input;
            decoder = encoding.decoder();
            bytes.flip();
            List<String> fields = new ArrayList<>(INITIAL_FIELDS);
            StringBuilder field = new StringBuilder();
            while (readRecord(fields, field)) {
                sink.row(rowNumber, fields.toArray(new String[0]));
            }
        } catch (CharacterCodingException e) {
            throw new AudienceImportException(
                    AudienceImportException.UNREADABLE_FILE,
                    "row " + (rowNumber + 1)
                            + " is not valid " + encoding.charset().name() + " text, the encoding the file was read in:"
                            + " save it as CSV UTF-8, or give its encoding",
                    e);
        }
    }

    /** Reads the next record into {@code fields}; false at the end of the file. */
    private boolean readRecord(List<String> fields, StringBuilder field) throws IOException {
        fields.clear();
        field.setLength(0);
        int recordChars = 0;
        boolean quoted = false;
        boolean fieldStarted = false;
        while (true) {
            if (!quoted && !fieldStarted && field.length() == 0 && position < limit) {
                int end = plainFieldEnd();
                if (end >= 0) {
                    // Fast path: a plain field wholly in the buffer becomes a String in one copy.
                    recordChars += end - position + 1;
                    if (recordChars > maxRowChars) {
                        throw rowTooLarge(false);
                    }
                    char stop = buffer[end];
                    fields.add(new String(buffer, position, end - position).strip());
                    position = end + 1;
                    if (stop == delimiter) {
                        continue;
                    }
                    if (stop == '\r' && peek() == '\n') {
                        next();
                    }
                    rowNumber++;
                    return true;
                }
            }
            int c = next();
            if (c < 0) {
                if (recordChars == 0) {
                    return false;
                }
                rowNumber++;
                fields.add(field.toString().strip());
                return true;
            }
            if (++recordChars > maxRowChars) {
                throw rowTooLarge(quoted);
            }
            if (c == 0) {
                throw new AudienceImportException(
                        AudienceImportException.UNREADABLE_FILE,
                        "row " + (rowNumber + 1) + " holds a NUL character: the file looks like binary data, not text");
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        next();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString().strip());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    next();
                }
                rowNumber++;
                fields.add(field.toString().strip());
                return true;
            } else if (c == '"' && !fieldStarted) {
                field.setLength(0); // blanks before an opening quote are not part of the value
                quoted = true;
                fieldStarted = true;
            } else {
                field.append((char) c);
                fieldStarted |= c != ' ' && c != '\t';
            }
        }
    }

    /**
     * Where the field starting at {@code position} ends (the index of its delimiter or line end)
     * if it is plain (no quote, no NUL) and ends inside the buffer; else -1.
     */
    private int plainFieldEnd() {
        for (int i = position; i < limit; i++) {
            char c = buffer[i];
            if (c == delimiter || c == '\n' || c == '\r') {
                return i;
            }
            if (c == '"' || c == 0) {
                return -1;
            }
        }
        return -1;
    }

    private AudienceImportException rowTooLarge(boolean quoted) {
        return new AudienceImportException(
                AudienceImportException.ROW_TOO_LARGE,
                "row " + (rowNumber + 1)
                        + " is longer than " + maxRowChars + " characters"
                        + (quoted ? ": a quoted value there may lack its closing quote" : ""));
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /**
     * Decodes the next characters. A decoding error is raised only once the characters before it
     * have been read, so that its message names the row that holds the bad bytes.
     */
    private boolean fill() throws IOException {
        if (pendingError != null) {
            throw pendingError;
        }
        if (flushed) {
            return false;
        }
        CharBuffer out = CharBuffer.wrap(buffer);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() == 0) {
                    result.throwException();
                }
                pendingError = result.isMalformed()
                        ? new MalformedInputException(result.length())
                        : new UnmappableCharacterException(result.length());
                break;
            }
            if (out.position() > 0) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                if (out.position() == 0) {
                    return false;
                }
                break;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        position = 0;
        limit = out.position();
        return true;
    }
}
