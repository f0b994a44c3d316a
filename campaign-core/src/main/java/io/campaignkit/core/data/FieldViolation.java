package io.campaignkit.core.data;

/** One problem with one field of a contact's custom data. */
public record FieldViolation(String fieldId, String code, String message) {}
