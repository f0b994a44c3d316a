package io.campaignkit.core.data;

import io.campaignkit.core.internal.Arguments;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A typed value of a custom-data field. */
public sealed interface FieldValue permits FieldValue.Text, FieldValue.Number, FieldValue.Date {

    /** The type of field this value belongs to. */
    FieldType type();

    /**
     * The canonical text of the value, as templates render it and reports export it: text as is,
     * numbers as plain decimals without trailing zeros ({@code 1200}, {@code 1480.5}), dates as
     * {@code YYYY-MM-DD}.
     */
    String normalized();

    /** A text value; never blank. */
    record Text(String value) implements FieldValue {
        public Text {
            Arguments.requireNonBlank(value, "value");
            value = value.strip();
        }

        @Override
        public FieldType type() {
            return FieldType.TEXT;
        }

        @Override
        public String normalized() {
            return value;
        }
    }

    /** A number value, kept with trailing zeros stripped so that {@code 1.50} equals {@code 1.5}. */
    record Number(BigDecimal value) implements FieldValue {
        public Number {
            Arguments.requireNonNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public FieldType type() {
            return FieldType.NUMBER;
        }

        @Override
        public String normalized() {
            return value.toPlainString();
        }
    }

    /** A date value. */
    record Date(LocalDate value) implements FieldValue {
        public Date {
            Arguments.requireNonNull(value, "value");
        }

        @Override
        public FieldType type() {
            return FieldType.DATE;
        }

        @Override
        public String normalized() {
            return value.toString();
        }
    }
}
