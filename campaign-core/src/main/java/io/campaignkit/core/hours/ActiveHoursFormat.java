package io.campaignkit.core.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the text form of {@link ActiveHours}; the grammar is on {@link ActiveHours#parse}. */
final class ActiveHoursFormat {

    static final String CLOSED = "closed";

    private static final String DAY_NAMES = "MON, TUE, WED, THU, FRI, SAT or SUN";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![0-9])");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})");

    private ActiveHoursFormat() {}

    static ActiveHours parse(String text, ZoneId zone) {
        return new Parser(text).schedule(zone);
    }

    static TimeRange parseRange(String text) {
        Parser parser = new Parser(text);
        TimeRange range = parser.range();
        parser.expectEnd("after the range");
        return range;
    }

    static String format(ActiveHours hours) {
        if (hours.weeklyHours().isEmpty() && hours.exceptions().isEmpty()) {
            return CLOSED;
        }
        Map<List<TimeRange>, Set<DayOfWeek>> daysByRanges = new LinkedHashMap<>();
        hours.weeklyHours()
                .forEach((day, ranges) -> daysByRanges
                        .computeIfAbsent(ranges, any -> EnumSet.noneOf(DayOfWeek.class))
                        .add(day));
        StringJoiner entries = new StringJoiner("; ");
        daysByRanges.forEach((ranges, days) -> entries.add(formatDays(days) + " " + formatRanges(ranges)));
        hours.exceptions()
                .forEach(
                        (date, ranges) -> entries.add(date + " " + (ranges.isEmpty() ? CLOSED : formatRanges(ranges))));
        return entries.toString();
    }

    static String formatMinute(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    /** Runs of consecutive days become spans: MON, TUE, WED, FRI is {@code MON-WED,FRI}. */
    private static String formatDays(Set<DayOfWeek> days) {
        StringJoiner spans = new StringJoiner(",");
        DayOfWeek spanStart = null;
        DayOfWeek previous = null;
        for (DayOfWeek day : days) {
            if (previous == null || day.getValue() != previous.getValue() + 1) {
                if (spanStart != null) {
                    spans.add(formatSpan(spanStart, Objects.requireNonNull(previous)));
                }
                spanStart = day;
            }
            previous = day;
        }
        // days is never empty (a weekly entry has at least one day), so both are set
        spans.add(formatSpan(Objects.requireNonNull(spanStart), Objects.requireNonNull(previous)));
        return spans.toString();
    }

    private static String formatSpan(DayOfWeek first, DayOfWeek last) {
        return first == last ? dayName(first) : dayName(first) + "-" + dayName(last);
    }

    private static String formatRanges(List<TimeRange> ranges) {
        StringJoiner joined = new StringJoiner(",");
        ranges.forEach(range -> joined.add(range.toString()));
        return joined.toString();
    }

    private static String dayName(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    private enum Kind {
        WORD,
        DATE,
        NUMBER,
        DASH,
        COMMA,
        SEMICOLON,
        END
    }

    private record Token(Kind kind, String text, int index) {
        String describe() {
            return kind == Kind.END ? "the end of the text" : "\"" + text + "\"";
        }
    }

    /** A recursive-descent parser over a small lexer; every error names the token and its index. */
    private static final class Parser {

        private final String text;
        private int position;
        private Token current;

        Parser(String text) {
            this.text = text;
            this.current = lex();
        }

        ActiveHours schedule(ZoneId zone) {
            ActiveHours.Builder builder = ActiveHours.builder(zone);
            if (current.kind == Kind.END) {
                throw error(current, "the text is empty; write \"closed\" for hours that never open");
            }
            if (isClosedWord(current)) {
                advance();
                expectEnd("after \"closed\" (a schedule that never opens has nothing else)");
                return builder.build();
            }
            Map<LocalDate, Token> closedDates = new LinkedHashMap<>();
            Map<LocalDate, Token> datesWithHours = new LinkedHashMap<>();
            entry(builder, closedDates, datesWithHours);
            while (current.kind == Kind.SEMICOLON) {
                advance();
                entry(builder, closedDates, datesWithHours);
            }
            expectEnd("where \";\" or the end of the text was expected");
            return builder.build();
        }

        private void entry(
                ActiveHours.Builder builder, Map<LocalDate, Token> closedDates, Map<LocalDate, Token> datesWithHours) {
            Token first = current;
            if (first.kind == Kind.DATE) {
                LocalDate date = date(advance());
                if (isClosedWord(current)) {
                    Token other = datesWithHours.get(date);
                    if (other != null) {
                        throw error(
                                current,
                                "date " + date + " is declared closed but also has hours at index " + other.index);
                    }
                    closedDates.put(date, advance());
                    builder.closedOn(date);
                } else {
                    Token other = closedDates.get(date);
                    if (other != null) {
                        throw error(
                                current,
                                "date " + date + " has hours but is also declared closed at index " + other.index);
                    }
                    datesWithHours.put(date, current);
                    builder.exception(
                            date, ranges("after the date " + first.text).toArray(TimeRange[]::new));
                }
            } else if (isClosedWord(first)) {
                throw error(
                        first,
                        "\"closed\" alone means hours that never open and cannot be combined with "
                                + "other entries; to close one date write YYYY-MM-DD closed");
            } else if (first.kind == Kind.WORD) {
                Set<DayOfWeek> days = days();
                if (isClosedWord(current)) {
                    throw error(
                            current,
                            "days are closed unless they have hours; remove \""
                                    + text.substring(first.index, current.index + current.text.length())
                                    + "\" (only a date can be declared closed)");
                }
                builder.on(
                        days,
                        ranges("after the days "
                                        + text.substring(first.index, current.index)
                                                .strip())
                                .toArray(TimeRange[]::new));
            } else {
                throw error(
                        first,
                        "expected a day (" + DAY_NAMES + ") or a date (YYYY-MM-DD) but found " + first.describe());
            }
        }

        private Set<DayOfWeek> days() {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            while (true) {
                DayOfWeek first = day(advance());
                DayOfWeek last = first;
                Token lastToken = null;
                if (current.kind == Kind.DASH) {
                    advance();
                    lastToken = current;
                    last = day(advance());
                }
                if (last.compareTo(first) < 0) {
                    // a span goes backwards only when it has a dash, which set lastToken
                    throw error(
                            Objects.requireNonNull(lastToken),
                            "day span " + dayName(first) + "-" + dayName(last)
                                    + " goes backwards; spans run from MON to SUN (write " + dayName(first)
                                    + "-SUN,MON-"
                                    + dayName(last) + ")");
                }
                days.addAll(EnumSet.range(first, last));
                if (current.kind != Kind.COMMA) {
                    return days;
                }
                advance();
            }
        }

        private DayOfWeek day(Token token) {
            if (token.kind == Kind.WORD) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (dayName(day).equalsIgnoreCase(token.text)) {
                        return day;
                    }
                }
                throw error(token, "unknown day \"" + token.text + "\", expected " + DAY_NAMES);
            }
            throw error(token, "expected a day (" + DAY_NAMES + ") but found " + token.describe());
        }

        private LocalDate date(Token token) {
            try {
                return LocalDate.parse(token.text);
            } catch (DateTimeException e) {
                throw error(token, "invalid date \"" + token.text + "\", expected an existing date as YYYY-MM-DD");
            }
        }

        private List<TimeRange> ranges(String context) {
            if (current.kind != Kind.NUMBER) {
                throw error(
                        current, "expected hours such as 08:00-21:00 " + context + " but found " + current.describe());
            }
            List<TimeRange> ranges = new ArrayList<>();
            ranges.add(range());
            while (current.kind == Kind.COMMA) {
                advance();
                ranges.add(range());
            }
            return ranges;
        }

        TimeRange range() {
            Token startToken = advance();
            int start = minuteOfDay(startToken);
            if (current.kind != Kind.DASH) {
                throw error(
                        current, "expected \"-\" after " + startToken.describe() + " but found " + current.describe());
            }
            advance();
            Token endToken = advance();
            int end = minuteOfDay(endToken);
            String rangeText = text.substring(startToken.index, endToken.index + endToken.text.length());
            if (start == TimeRange.MINUTES_PER_DAY) {
                throw error(startToken, "range \"" + rangeText + "\" starts at 24:00; 24:00 can only end a range");
            }
            if (end == 0) {
                throw error(endToken, "range \"" + rangeText + "\" ends at 00:00; write 24:00 for the end of the day");
            }
            if (end <= start) {
                throw error(
                        startToken,
                        "range \"" + rangeText + "\" does not end after it starts; a range cannot "
                                + "cross midnight, split it into " + formatMinute(start) + "-24:00 and 00:00-"
                                + formatMinute(end) + " on the next day");
            }
            return new TimeRange(start, end);
        }

        private int minuteOfDay(Token token) {
            if (token.kind != Kind.NUMBER) {
                throw error(token, "expected a time (HH:MM) but found " + token.describe());
            }
            Matcher time = TIME.matcher(token.text);
            if (!time.matches()) {
                throw error(token, "invalid time \"" + token.text + "\", expected HH:MM with two digits each");
            }
            int hour = Integer.parseInt(time.group(1));
            int minute = Integer.parseInt(time.group(2));
            if (hour == 24 && minute == 0) {
                return TimeRange.MINUTES_PER_DAY;
            }
            if (hour > 23 || minute > 59) {
                throw error(token, "invalid time \"" + token.text + "\", expected 00:00 to 23:59, or 24:00 as an end");
            }
            return hour * 60 + minute;
        }

        void expectEnd(String context) {
            if (current.kind != Kind.END) {
                throw error(current, "unexpected " + current.describe() + " " + context);
            }
        }

        private static boolean isClosedWord(Token token) {
            return token.kind == Kind.WORD && token.text.equalsIgnoreCase(CLOSED);
        }

        private Token advance() {
            Token taken = current;
            current = lex();
            return taken;
        }

        private Token lex() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            int start = position;
            if (position >= text.length()) {
                return new Token(Kind.END, "", start);
            }
            char c = text.charAt(position);
            if (isAsciiLetter(c)) {
                while (position < text.length() && isAsciiLetter(text.charAt(position))) {
                    position++;
                }
                return new Token(Kind.WORD, text.substring(start, position), start);
            }
            if (isAsciiDigit(c)) {
                Matcher date = DATE.matcher(text).region(start, text.length());
                if (date.lookingAt()) {
                    position = date.end();
                    return new Token(Kind.DATE, date.group(), start);
                }
                while (position < text.length()
                        && (isAsciiDigit(text.charAt(position)) || text.charAt(position) == ':')) {
                    position++;
                }
                return new Token(Kind.NUMBER, text.substring(start, position), start);
            }
            position++;
            return switch (c) {
                case '-' -> new Token(Kind.DASH, "-", start);
                case ',' -> new Token(Kind.COMMA, ",", start);
                case ';' -> new Token(Kind.SEMICOLON, ";", start);
                default ->
                    throw error(new Token(Kind.WORD, String.valueOf(c), start), "unexpected character '" + c + "'");
            };
        }

        private InvalidActiveHoursException error(Token token, String problem) {
            return new InvalidActiveHoursException(text, token.text, token.index, problem);
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
