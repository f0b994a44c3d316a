package io.campaignkit.channel.whatsapp.internal;

/** Mirrors the SPI's send error classes, so the classification table is testable on its own. */
public enum ErrorKind {
    RECIPIENT_PERMANENT,
    CONTENT_PERMANENT,
    RATE_LIMITED,
    TRANSIENT,
    AUTHENTICATION,
    UNKNOWN_OUTCOME
}
