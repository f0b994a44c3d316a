package io.campaignkit.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array that {@link PostgreSqlCopy} writes a batch's CSV into: numbers as their digits and plain
 * ASCII text byte by byte, so a row costs no object; only a text with other characters is encoded (UTF-8) apart.
 */
final class CsvBytes {

    private byte[] bytes;
    private int size;

    CsvBytes(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    void put(byte value) {
        room(1);
        bytes[size++] = value;
    }

    /** The decimal digits of {@code value}, with a minus sign when negative. */
    void putLong(long value) {
        if (value == Long.MIN_VALUE) {
            putAscii(Long.toString(value));
            return;
        }
        room(20);
        long rest = value;
        if (rest < 0) {
            bytes[size++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
            digits++;
        }
        for (int at = size + digits - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
    }

    /** A text known to be ASCII (a number's or a boolean's text), unquoted. */
    void putAscii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /** {@code text} in double quotes, each quote inside doubled, in UTF-8. */
    void putQuoted(String text) {
        int length = text.length();
        room(2 * length + 2);
        int start = size;
        bytes[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                size = start;
                putQuotedEncoded(text);
                return;
            }
            if (c == '"') {
                bytes[size++] = '"';
            }
            bytes[size++] = (byte) c;
        }
        bytes[size++] = '"';
    }

    private void putQuotedEncoded(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        room(2 * encoded.length + 2);
        bytes[size++] = '"';
        for (byte b : encoded) {
            if (b == '"') { // UTF-8 never uses an ASCII byte inside a longer character
                bytes[size++] = '"';
            }
            bytes[size++] = b;
        }
        bytes[size++] = '"';
    }

    /** The array written into: its first {@link #size()} bytes are the CSV. */
    byte[] array() {
        return bytes;
    }

    /** How many bytes were written. */
    int size() {
        return size;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
