package io.campaignkit.channel.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Argument checks shared by the SPI value types. Not part of the API: vendors should not use it.
 * Every failure names the argument, so a caller never sees a bare NullPointerException.
 */
public final class Checks {

    private Checks() {}

    /**
     * Fails with {@link IllegalArgumentException} naming {@code name} when {@code value} is null.
     *
     * @param <T>   the value's type
     * @param value the value
     * @param name  the argument's name, for the message
     * @return the value
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Fails when {@code value} is null, empty or only whitespace.
     *
     * @param value the value
     * @param name  the argument's name, for the message
     * @return the value
     */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    name + " must not be blank (was " + (value == null ? "null" : "'" + value + "'") + ")");
        }
        return value;
    }

    /**
     * Fails when the optional itself is null.
     *
     * @param <T>   the content type
     * @param value the optional
     * @param name  the argument's name, for the message
     * @return the optional
     */
    public static <T> Optional<T> optional(Optional<T> value, String name) {
        return notNull(value, name);
    }

    /**
     * Copies {@code values} into an unmodifiable list, failing on a null list or a null element.
     *
     * @param <T>    the element type
     * @param values the values
     * @param name   the argument's name, for the message
     * @return an unmodifiable copy
     */
    public static <T> List<T> listOf(Collection<? extends T> values, String name) {
        notNull(values, name);
        int index = 0;
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(name + "[" + index + "] must not be null");
            }
            index++;
        }
        return List.copyOf(values);
    }

    /**
     * Fails when {@code value} is negative or zero.
     *
     * @param value the value
     * @param name  the argument's name, for the message
     * @return the value
     */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive (was " + value + ")");
        }
        return value;
    }
}
