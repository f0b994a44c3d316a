package io.campaignkit.core.internal;

import io.campaignkit.core.contact.PhoneNumber;
import java.lang.invoke.MethodHandles;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Numbers this library's stores read back, as they wrote them ({@link PhoneNumber#e164()}): a {@link
 * PhoneNumber} that is parsed and validated only when its country, region or type is asked for. A dispatch
 * reads back every number it claims, and asks only its text; libphonenumber's parse and validation of each
 * was a tenth of a dispatch's time on an H2 file. Not API (this package is exported to this library's own
 * modules only): text from anywhere else goes through {@link PhoneNumber#parse(String)}.
 */
public final class StoredPhoneNumbers {

    private static volatile @Nullable Function<String, PhoneNumber> readBack;

    private StoredPhoneNumbers() {}

    /** The number a store wrote as {@code e164}; text not in E.164's shape is parsed as {@code parse} does. */
    public static PhoneNumber readBack(String e164) {
        Arguments.requireNonNull(e164, "e164");
        Function<String, PhoneNumber> factory = readBack;
        if (factory == null) {
            try { // PhoneNumber installs its factory when it is initialized
                MethodHandles.lookup().ensureInitialized(PhoneNumber.class);
            } catch (IllegalAccessException unexpected) {
                throw new IllegalStateException(unexpected);
            }
            factory = Objects.requireNonNull(readBack, "PhoneNumber's read-back factory");
        }
        return factory.apply(e164);
    }

    /** Called once, by {@link PhoneNumber}'s initialization: the only way to make a number without parsing it. */
    public static void install(Function<String, PhoneNumber> factory) {
        if (readBack == null) {
            readBack = factory;
        }
    }
}
