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
    static String numeric(double value, int formatIndex, String formatString, boolean date1904, DateFormats dateFormats) {
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
                date = DateUtil.isADateFormat(formatIndex, formatString);
                if (known.size() < MAX_REMEMBERED) {
                    known.put(key, date);
                }
            }
            return date;
        }
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
