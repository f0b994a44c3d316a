package io.campaignkit.importer;

/**
 * What an import does with a valid number that libphonenumber calls a fixed line (not a mobile,
 * and not "fixed line or mobile" as every US number is): such a number cannot receive SMS or
 * WhatsApp messages. Either way the row is reported with the reason {@link ImportError#NOT_MOBILE}.
 */
public enum NotMobilePolicy {
    /** The row stays valid; the number is listed in {@link ImportReport#warnings()}. The default. */
    WARN,
    /** The row is invalid, as a malformed number is. */
    REFUSE
}
