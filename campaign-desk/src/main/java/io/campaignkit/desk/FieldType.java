package io.campaignkit.desk;

/** The type of a dynamic field: what a value must look like. */
public enum FieldType {
    /** Any non-blank text. */
    TEXT,
    /** A decimal number, such as {@code 1500.50}. */
    NUMBER,
    /** An ISO date, {@code 2026-12-31}. */
    DATE,
    /** One of the field's options. */
    OPTION
}
