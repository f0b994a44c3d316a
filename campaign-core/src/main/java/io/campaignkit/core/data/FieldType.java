package io.campaignkit.core.data;

/** The type of a custom-data field. */
public enum FieldType {
    /** Free text, trimmed. */
    TEXT,
    /** A decimal number, kept exactly ({@link java.math.BigDecimal}, no binary rounding). */
    NUMBER,
    /** A calendar date written {@code YYYY-MM-DD}. */
    DATE
}
