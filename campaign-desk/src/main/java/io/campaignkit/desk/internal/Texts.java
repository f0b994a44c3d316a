package io.campaignkit.desk.internal;

import io.campaignkit.core.contact.PhoneNumber;

/** Masking numbers and finding emoji: what agent-facing views and the emoji policy need. */
public final class Texts {

    private Texts() {}

    /**
     * The number as agents see it when the policy hides it: the country code and the last four digits,
     * every digit between masked ({@code +52******8877}).
     */
    public static String masked(PhoneNumber phone) {
        String country = String.valueOf(phone.countryCode());
        String national = phone.digits().substring(country.length());
        int shown = Math.min(4, national.length());
        return "+" + country + "*".repeat(national.length() - shown) + national.substring(national.length() - shown);
    }

    /** Whether {@code text} holds an emoji (pictographs, symbols, dingbats, flags, the emoji presentation selector). */
    public static boolean hasEmoji(String text) {
        return text.codePoints().anyMatch(Texts::isEmoji);
    }

    private static boolean isEmoji(int codePoint) {
        return codePoint >= 0x1F000 && codePoint <= 0x1FAFF // pictographs, emoticons, transport, flags' letters
                || codePoint >= 0x2600 && codePoint <= 0x27BF // miscellaneous symbols and dingbats
                || codePoint >= 0x2B00 && codePoint <= 0x2BFF && Character.getType(codePoint) == Character.OTHER_SYMBOL
                || codePoint == 0xFE0F;
    }
}
