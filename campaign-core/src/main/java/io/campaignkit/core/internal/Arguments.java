package io.campaignkit.core.internal;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/** Argument checks for public methods: each failure names the argument. Not public API. */
public final class Arguments {

    private Arguments() {}

    public static <T> T requireNonNull(T value, String argument) {
        if (value == null) {
            throw new InvalidArgumentException(argument, argument + " must not be null");
        }
        return value;
    }

    /** Requires a string with at least one non-white-space character and returns it unchanged. */
    public static String requireNonBlank(String value, String argument) {
        requireNonNull(value, argument);
        if (value.isBlank()) {
            throw new InvalidArgumentException(argument, argument + " must not be blank");
        }
        return value;
    }

    public static <C extends Collection<?>> C requireNoNullElements(C values, String argument) {
        requireNonNull(values, argument);
        if (values instanceof List<?> list && values instanceof RandomAccess) {
            // no iterator: this checks every batch a store is given
            for (int index = 0; index < list.size(); index++) {
                if (list.get(index) == null) {
                    throw new InvalidArgumentException(
                            argument, argument + " must not contain null (at index " + index + ")");
                }
            }
            return values;
        }
        int index = 0;
        for (Object value : values) {
            if (value == null) {
                throw new InvalidArgumentException(
                        argument, argument + " must not contain null (at index " + index + ")");
            }
            index++;
        }
        return values;
    }

    public static <M extends Map<?, ?>> M requireNoNullEntries(M values, String argument) {
        requireNonNull(values, argument);
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new InvalidArgumentException(
                        argument, argument + " must not contain null keys or values (key " + key + ")");
            }
        });
        return values;
    }

    public static int requirePositive(int value, String argument) {
        if (value <= 0) {
            throw new InvalidArgumentException(argument, argument + " must be positive, was " + value);
        }
        return value;
    }

    public static long requirePositive(long value, String argument) {
        if (value <= 0) {
            throw new InvalidArgumentException(argument, argument + " must be positive, was " + value);
        }
        return value;
    }

    public static Duration requirePositive(Duration value, String argument) {
        requireNonNull(value, argument);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidArgumentException(argument, argument + " must be a positive duration, was " + value);
        }
        return value;
    }

    public static Duration requireNonNegative(Duration value, String argument) {
        requireNonNull(value, argument);
        if (value.isNegative()) {
            throw new InvalidArgumentException(argument, argument + " must not be a negative duration, was " + value);
        }
        return value;
    }

    /**
     * Throws unless {@code condition}. The message is an argument, so it is built before the call: where a
     * check runs for every message sent and its message is put together, write the {@code if} and the
     * {@code throw} instead, so the message is made only when it is thrown.
     */
    public static void require(boolean condition, String argument, String message) {
        if (!condition) {
            throw new InvalidArgumentException(argument, message);
        }
    }
}
