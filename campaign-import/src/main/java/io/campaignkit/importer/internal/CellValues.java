package io.campaignkit.importer.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.poi.ss.usermodel.DateUtil;

/** Turns numeric spreadsheet cells into the text an operator sees and the schema parses. */
final class CellValues {

    /**
     * Excel shows and computes with 15 significant digits; a double holds about 17, so a value
     * typed as 1480.5 may be stored as 1480.4999999999998. Rounding to 15 gives back what was typed.
     */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private CellValues() {}

    /**
     * A numeric cell as text: {@code YYYY-MM-DD} when its number format is a date format (in the
     * workbook's date system), else its exact decimal digits, never in scientific notation.
     */
    static String numeric(
            double value, int formatIndex, String formatString, boolean date1904, DateFormats dateFormats) {
        if (formatString != null && dateFormats.isDate(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
        }
        String digits = decimal(value);
        return formatString != null ? zeroPadded(digits, formatString) : digits;
    }

    /**
     * A whole number under a format of zeros only ({@code 00000000000}) shows that many digits,
     * leading zeros included: a national phone number typed as a number and formatted to keep
     * its 0. The cell reads as it shows.
     */
    private static String zeroPadded(String digits, String formatString) {
        int zeros = formatString.length();
        if (zeros <= digits.length() || zeros > 32) {
            return digits;
        }
        for (int i = 0; i < zeros; i++) {
            if (formatString.charAt(i) != '0') {
                return digits;
            }
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return digits;
            }
        }
        return "0".repeat(zeros - digits.length()) + digits;
    }

    /**
     * Remembers which number formats are date formats. POI's own check runs regular expressions
     * over the format and caches only the last one, which a row of phone, amount and date cells
     * defeats on every cell.
     */
    static final class DateFormats {
        private static final int MAX_REMEMBERED = 1_000;
        private final java.util.Map<String, Boolean> known = new java.util.HashMap<>();

        boolean isDate(int formatIndex, String formatString) {
            String key = formatIndex + ":" + formatString;
            Boolean date = known.get(key);
            if (date == null) {
                date = DateUtil.isADateFormat(formatIndex, formatString) || hasDateTokens(formatString);
                if (known.size() < MAX_REMEMBERED) {
                    known.put(key, date);
                }
            }
            return date;
        }
    }

    /**
     * Whether a number format shows a date: day, month or year tokens outside its literals
     * (quoted text, backslash escapes, bracketed colors and locales, padding), and no digit
     * placeholders. POI's own check refuses some real ones, such as Spanish Excel's long date
     * {@code d" de "mmmm" de "yyyy}.
     */
    static boolean hasDateTokens(String formatString) {
        boolean token = false;
        for (int i = 0; i < formatString.length(); i++) {
            char c = formatString.charAt(i);
            switch (c) {
                case '"' -> {
                    int close = formatString.indexOf('"', i + 1);
                    i = close < 0 ? formatString.length() : close;
                }
                case '[' -> {
                    int close = formatString.indexOf(']', i + 1);
                    i = close < 0 ? formatString.length() : close;
                }
                case '\\', '_', '*' -> i++; // the next character is a literal, a space or a fill
                case ';' -> {
                    return token; // the first section is the one positive numbers use
                }
                case '0', '#', '?', '@' -> {
                    return false;
                }
                case 'd', 'D', 'm', 'M', 'y', 'Y' -> token = true;
                default -> {}
            }
        }
        return token;
    }

    /** The exact decimal digits of a number as Excel shows it, without exponent or trailing zeros. */
    static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value); // whole numbers, phones among them: exact as they are
        }
        // Double.toString gives the shortest digits that identify the double; Excel keeps 15.
        BigDecimal shortest = BigDecimal.valueOf(value).round(EXCEL_PRECISION);
        return shortest.signum() == 0 ? "0" : shortest.stripTrailingZeros().toPlainString();
    }

    /**
     * The text without the blanks around it, every Unicode one included: {@link String#strip()}
     * keeps the non-breaking space (U+00A0, U+2007, U+202F) and the zero-width ones (U+200B,
     * U+FEFF) that text pasted from web pages and PDFs carries.
     */
    static String trimBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF' || c == '\u2060';
    }

    /** The spreadsheet letters of a zero-based column index: 0 is A, 26 is AA. */
    static String columnLetters(int index) {
        StringBuilder letters = new StringBuilder();
        int remaining = index + 1;
        while (remaining > 0) {
            int digit = (remaining - 1) % 26;
            letters.append((char) ('A' + digit));
            remaining = (remaining - 1) / 26;
        }
        return letters.reverse().toString();
    }

    /** The zero-based column index of a cell reference such as {@code "AB12"}; -1 if it has no letters. */
    static int columnIndex(String cellReference) {
        int index = 0;
        int letters = 0;
        for (int i = 0; i < cellReference.length(); i++) {
            char c = cellReference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                index = index * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                index = index * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (++letters > 3) {
                return -1; // beyond XFD, Excel's last column: not a real reference
            }
        }
        return letters == 0 ? -1 : index - 1;
    }
}
