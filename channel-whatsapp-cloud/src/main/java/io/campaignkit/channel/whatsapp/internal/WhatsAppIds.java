package io.campaignkit.channel.whatsapp.internal;

import java.util.regex.Pattern;

/**
 * WhatsApp ids are E.164 digits without the '+'; the SPI speaks E.164 with it. WhatsApp reports some
 * countries' mobiles in a form that is not today's E.164 number of the line, so ids that come in are
 * normalized ({@link #toE164(String)}):
 * <ul>
 *   <li>Mexico: {@code 521} + 10 digits (the mobile "1" Mexico retired in 2019) is {@code +52} + the
 *       10 digits, the number a contact list holds.</li>
 *   <li>Brazil: {@code 55} + area code + 8 digits starting 6-9 (a mobile registered on WhatsApp before
 *       Brazil added the ninth digit) is {@code +55} + area code + {@code 9} + the 8 digits. Every
 *       Brazilian mobile has had the ninth digit since 2016 and 8-digit numbers starting 6-9 are no
 *       valid numbers any more, so the rule is exact without knowing the number that was sent (the
 *       adapter keeps no record of sends); fixed lines (8 digits starting 2-5) are left alone.</li>
 *   <li>Argentina: {@code 549} + 10 digits is kept as it is: the 9 is part of the E.164 form of an
 *       Argentine mobile ({@code +54 9 11 ...}), which is also how libphonenumber writes a national
 *       {@code 011 15 ...} number.</li>
 * </ul>
 */
public final class WhatsAppIds {

    private static final Pattern DIGITS = Pattern.compile("[1-9]\\d{1,14}");
    private static final Pattern OLD_MEXICAN_MOBILE = Pattern.compile("521\\d{10}");
    private static final Pattern BRAZILIAN_MOBILE_WITHOUT_NINTH_DIGIT = Pattern.compile("55[1-9][1-9][6-9]\\d{7}");

    private WhatsAppIds() {}

    /** {@code +5215512345678} → {@code 5215512345678}. */
    public static String fromE164(String e164) {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("phone number must be E.164 like +525512345678, was " + e164);
        }
        return e164.substring(1);
    }

    /**
     * {@code 5215512345678} → {@code +525512345678}, {@code 551187654321} → {@code +5511987654321}, other
     * digits → {@code +} the digits; {@code null} when Meta sent something that is no number.
     */
    public static String toE164(String waId) {
        if (waId == null || !DIGITS.matcher(waId).matches()) {
            return null;
        }
        if (OLD_MEXICAN_MOBILE.matcher(waId).matches()) {
            return "+52" + waId.substring(3);
        }
        if (BRAZILIAN_MOBILE_WITHOUT_NINTH_DIGIT.matcher(waId).matches()) {
            return "+" + waId.substring(0, 4) + "9" + waId.substring(4);
        }
        return "+" + waId;
    }
}
