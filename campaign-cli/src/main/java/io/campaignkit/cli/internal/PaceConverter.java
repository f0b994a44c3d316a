package io.campaignkit.cli.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Pace;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --rate 20/s} or {@code --rate 3000/h}. */
public final class PaceConverter implements ITypeConverter<Pace> {

    private static final Pattern RATE = Pattern.compile("(\\d{1,9})\\s*/\\s*(s|sec|second|h|hr|hour)");

    @Override
    public Pace convert(String value) {
        Matcher matcher = RATE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a rate; write messages per second or per hour, " + "like 20/s or 3000/h");
        }
        int messages = Integer.parseInt(matcher.group(1));
        try {
            return matcher.group(2).startsWith("s") ? Pace.perSecond(messages) : Pace.perHour(messages);
        } catch (InvalidArgumentException outOfRange) {
            throw new TypeConversionException("'" + value + "': " + outOfRange.getMessage());
        }
    }
}
