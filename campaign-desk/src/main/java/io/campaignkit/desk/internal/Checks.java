package io.campaignkit.desk.internal;

import io.campaignkit.core.InvalidArgumentException;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks worded like the rest of CampaignKit's (core's own helper is not exported to this module). */
public final class Checks {

    private Checks() {}

    public static <T> T nonNull(@Nullable T value, String argument) {
        if (value == null) {
            throw new InvalidArgumentException(argument, argument + " must not be null");
        }
        return value;
    }

    public static String nonBlank(String value, String argument) {
        if (nonNull(value, argument).isBlank()) {
            throw new InvalidArgumentException(argument, argument + " must not be blank");
        }
        return value;
    }

    public static <C extends Collection<?>> C noNulls(C values, String argument) {
        nonNull(values, argument);
        for (Object value : values) {
            nonNull(value, argument + " element");
        }
        return values;
    }

    public static <M extends Map<?, ?>> M noNullEntries(M values, String argument) {
        nonNull(values, argument);
        values.forEach((key, value) -> {
            nonNull(key, argument + " key");
            nonNull(value, argument + " value");
        });
        return values;
    }

    public static void require(boolean condition, String argument, String message) {
        if (!condition) {
            throw new InvalidArgumentException(argument, message);
        }
    }
}
