package io.campaignkit.channel;

import java.util.Objects;

/**
 * How an SMS carrier splits a text into segments, each billed and paced on its own: the encoding the
 * text needs and the number of segments it takes (GSM 03.38 and 03.40).
 *
 * <p>A text made only of characters of the GSM 7-bit default alphabet and its extension table is sent
 * in GSM-7: 160 septets in one segment, or 153 per segment once concatenated (the other 7 carry the
 * concatenation header); a character of the extension table ({@code ^ { } \ [ ~ ] | €} and form feed)
 * takes two septets, and the pair is never split across segments. Any other character (an {@code á},
 * an {@code í}, an emoji) makes the whole text UCS-2: 70 UTF-16 units in one segment, 67 per segment
 * once concatenated, a surrogate pair never split. So "Hola, ¿cómo estás?" is UCS-2 ({@code ó} and
 * {@code á} are not in the GSM alphabet, {@code ¿} and {@code é} are).
 *
 * @param encoding the encoding the whole text needs
 * @param units    septets (GSM-7) or UTF-16 code units (UCS-2) the text takes
 * @param segments segments the text is sent in; at least 1 (an empty text is one empty segment)
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    /** The two encodings of an SMS text. */
    public enum Encoding {
        /** The GSM 7-bit default alphabet with its extension table. */
        GSM_7,
        /** UTF-16 (UCS-2 on the wire, surrogate pairs kept whole). */
        UCS_2
    }

    // 128 positions: the escape (0x1B) is one, and never a character on its own
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** Validates. */
    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative: " + units);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1: " + segments);
        }
    }

    /**
     * The segments {@code text} is sent in.
     *
     * @param text the SMS body; not null
     * @return its encoding, size and segment count
     * @throws NullPointerException when {@code text} is null
     */
    public static SmsSegments of(String text) {
        Objects.requireNonNull(text, "text");
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    private static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001B' || GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false; // a bare escape is not a character a sender can mean
            }
        }
        return true;
    }

    private static SmsSegments gsm7(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= 160) {
            return new SmsSegments(Encoding.GSM_7, septets, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > 153) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new SmsSegments(Encoding.GSM_7, septets, segments);
    }

    private static SmsSegments ucs2(String text) {
        int units = text.length();
        if (units <= 70) {
            return new SmsSegments(Encoding.UCS_2, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int size = Character.isHighSurrogate(text.charAt(i))
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))
                    ? 2
                    : 1;
            if (used + size > 67) {
                segments++;
                used = 0;
            }
            used += size;
            i += size;
        }
        return new SmsSegments(Encoding.UCS_2, units, segments);
    }
}
