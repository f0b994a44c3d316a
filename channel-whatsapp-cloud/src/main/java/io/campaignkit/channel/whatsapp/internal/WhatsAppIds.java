package io.campaignkit.channel.whatsapp.internal;

/** WhatsApp ids are E.164 digits without the '+'; the SPI speaks E.164 with it. */
public final class WhatsAppIds {

    private WhatsAppIds() {
    }

    /** {@code +5215512345678} → {@code 5215512345678}. */
    public static String fromE164(String e164) {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("phone number must be E.164 like +5215512345678, was " + e164);
        }
        return e164.substring(1);
    }

    /** {@code 5215512345678} → {@code +5215512345678}; {@code null} when Meta sent something else. */
    public static String toE164(String waId) {
        if (waId == null || !waId.matches("[1-9]\\d{1,14}")) {
            return null;
        }
        return "+" + waId;
    }
}
