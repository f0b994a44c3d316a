package io.campaignkit.cli.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an ISO-8601 duration ({@code PT30S}) or a short one ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        String text = value.strip();
        Duration duration;
        Matcher matcher = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException notIso) {
                throw new TypeConversionException(
                        "'" + value + "' is not a duration; write it like 30s, 5m, 2h or PT1M30S");
            }
        }
        if (duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is negative; a duration must be 0 or more");
        }
        return duration;
    }
}
