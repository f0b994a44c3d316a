package io.campaignkit.core.contact;

/**
 * What kind of line a phone number is, as libphonenumber's metadata tells it. Kept with every
 * {@link PhoneNumber} so that a channel or a host can refuse numbers that cannot take messages
 * (SMS needs {@link #MOBILE} or {@link #FIXED_LINE_OR_MOBILE}; US numbers are always the latter).
 */
public enum PhoneNumberType {
    MOBILE,
    FIXED_LINE,
    /** Both are possible: the numbering plan does not tell them apart (USA, Canada, …). */
    FIXED_LINE_OR_MOBILE,
    TOLL_FREE,
    PREMIUM_RATE,
    SHARED_COST,
    VOIP,
    PERSONAL_NUMBER,
    PAGER,
    UAN,
    VOICEMAIL,
    UNKNOWN;

    /** Whether a number of this type may be able to receive text messages. */
    public boolean mayReceiveMessages() {
        return this == MOBILE || this == FIXED_LINE_OR_MOBILE || this == VOIP || this == PERSONAL_NUMBER;
    }
}
