package io.campaignkit.cli.internal;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --simulate "deliver=0.95,read=0.6,reply=0.2,seed=7"}: the share of sends the simulated
 * channel delivers (the rest fail for good), the share of delivered ones read and replied, and
 * the seed of its random draws, so that one seed gives one outcome per send order.
 */
public record SimulationSpec(double deliver, double read, double reply, long seed) {

    public static final SimulationSpec DEFAULT = new SimulationSpec(0.95, 0.6, 0.2, 7);

    public SimulationSpec {
        requireShare("deliver", deliver);
        requireShare("read", read);
        requireShare("reply", reply);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a share from 0 to 1, was " + value);
        }
    }

    /** Reads the option; keys not given keep the {@link #DEFAULT}. */
    public static final class Converter implements ITypeConverter<SimulationSpec> {
        @Override
        public SimulationSpec convert(String value) {
            double deliver = DEFAULT.deliver();
            double read = DEFAULT.read();
            double reply = DEFAULT.reply();
            long seed = DEFAULT.seed();
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] keyValue = part.split("=", 2);
                if (keyValue.length != 2) {
                    throw invalid(value, "'" + part.strip() + "' is not KEY=VALUE");
                }
                String key = keyValue[0].strip().toLowerCase(Locale.ROOT);
                String text = keyValue[1].strip();
                try {
                    switch (key) {
                        case "deliver" -> deliver = Double.parseDouble(text);
                        case "read" -> read = Double.parseDouble(text);
                        case "reply" -> reply = Double.parseDouble(text);
                        case "seed" -> seed = Long.parseLong(text);
                        default -> throw invalid(value, "unknown key '" + key + "'");
                    }
                } catch (NumberFormatException notNumber) {
                    throw invalid(value, "'" + text + "' is not a number for " + key);
                }
            }
            try {
                return new SimulationSpec(deliver, read, reply, seed);
            } catch (IllegalArgumentException outOfRange) {
                throw invalid(value, outOfRange.getMessage());
            }
        }

        private static TypeConversionException invalid(String value, String why) {
            return new TypeConversionException(
                    "'" + value + "': " + why + "; write it like deliver=0.95,read=0.6,reply=0.2,seed=7");
        }
    }
}
