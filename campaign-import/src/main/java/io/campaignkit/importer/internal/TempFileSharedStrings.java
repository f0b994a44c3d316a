package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared-strings table kept in a temporary file, so that a sheet of a million
 * distinct names does not hold a million strings in the heap. The strings are written once, in
 * UTF-8, one after the other; the heap keeps one offset per string (8 bytes) and a read window.
 * Rows reference strings mostly in the order they were written, so the window usually serves
 * them without touching the disk.
 *
 * <p>Written here rather than taken from {@code poi-shared-strings}, whose temp-file table brings
 * the H2 database engine along for what is an append-only list.
 */
final class TempFileSharedStrings implements SharedStrings, Closeable {

    private static final String NS_SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final int WINDOW_BYTES = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final long[] offsets; // offsets[i]..offsets[i+1] is string i
    private final int count;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    private long windowStart = -1;

    private TempFileSharedStrings(Path file, long[] offsets, int count) throws IOException {
        this.file = file;
        this.offsets = offsets;
        this.count = count;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Reads the shared-strings part (null when the workbook has none) into a temporary file. */
    static TempFileSharedStrings read(InputStream part, int maxStringChars) throws IOException, SAXException {
        Path file = Files.createTempFile("campaignkit-sst-", ".bin");
        try {
            Writer writer = new Writer(file, maxStringChars);
            if (part != null) {
                try (part) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(writer);
                    parser.parse(new InputSource(part));
                }
            }
            writer.close();
            return new TempFileSharedStrings(file, writer.offsets, writer.count);
        } catch (IOException | SAXException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (Exception e) {
            Files.deleteIfExists(file);
            throw new IOException(e);
        }
    }

    @Override
    public RichTextString getItemAt(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("a cell refers to shared string " + index + " of " + count);
        }
        try {
            return new PlainText(readString(offsets[index], (int) (offsets[index + 1] - offsets[index])));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String readString(long offset, int length) throws IOException {
        if (length > WINDOW_BYTES) {
            ByteBuffer large = ByteBuffer.allocate(length);
            readFully(large, offset);
            return new String(large.array(), 0, length, StandardCharsets.UTF_8);
        }
        if (windowStart < 0 || offset < windowStart || offset + length > windowStart + window.limit()) {
            window.clear();
            readFully(window, offset);
            window.flip();
            windowStart = offset;
        }
        return new String(window.array(), (int) (offset - windowStart), length, StandardCharsets.UTF_8);
    }

    private void readFully(ByteBuffer buffer, long offset) throws IOException {
        long position = offset;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Streams {@code <si>} items to the file: the text of their {@code <t>}, without phonetic runs. */
    private static final class Writer extends DefaultHandler {
        private final OutputStream out;
        private final int maxStringChars;
        private final StringBuilder text = new StringBuilder();
        private long[] offsets = new long[1024];
        private int count;
        private long written;
        private boolean inItem;
        private boolean inText;
        private boolean inPhonetic;

        Writer(Path file, int maxStringChars) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            this.maxStringChars = maxStringChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "t" -> inText = inItem && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (!NS_SPREADSHEETML.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> {
                    append(text.toString());
                    inItem = false;
                }
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                if (text.length() + length > maxStringChars) {
                    throw new AudienceImportException(
                            AudienceImportException.ROW_TOO_LARGE,
                            "the workbook holds a" + " text longer than " + maxStringChars
                                    + " characters, the limit of a whole row");
                }
                text.append(ch, start, length);
            }
        }

        private void append(String value) throws SAXException {
            try {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                if (count + 2 > offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length + (offsets.length >> 1));
                }
                offsets[count] = written;
                written += bytes.length;
                count++;
                offsets[count] = written;
            } catch (IOException e) {
                throw new SAXException(e);
            }
        }

        void close() throws IOException {
            out.close();
        }
    }

    /** A string without formatting: all the sheet reader asks of a shared string is its text. */
    private record PlainText(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("read-only");
        }
    }
}
