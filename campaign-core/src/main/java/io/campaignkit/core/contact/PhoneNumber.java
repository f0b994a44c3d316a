package io.campaignkit.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.InvalidPhoneNumberException.Reason;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoredPhoneNumbers;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A valid phone number in E.164 form ({@code +525500998877}), the identity of a contact.
 *
 * <p>Made by {@link #parse(String)} or {@link #parse(String, String)}, which normalize what people
 * type: spaces, dashes, dots and parentheses are allowed; a leading {@code +} or {@code 00} means
 * international; digits with no {@code +} are read as international (country code first) unless a
 * default region is given, in which case they are read as that region's national format.
 * Mexico's old mobile form, {@code +521} and 10 digits (still used by WhatsApp), is read as
 * {@code +52} and the same 10 digits (written international, or as bare digits with default region MX). The
 * number is validated with libphonenumber: any valid number is accepted, and its
 * {@linkplain #type() type} is kept so a channel or a host can refuse landlines.
 *
 * <p>Two numbers are equal when their E.164 forms are. Instances are immutable and thread-safe.
 */
public final class PhoneNumber implements Comparable<PhoneNumber> {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";
    /**
     * Mexico's mobile form before 2019: country code 52, then 1, then the 10-digit number. Mexico
     * retired the 1, but WhatsApp still reports Mexican mobiles that way ({@code from}, {@code wa_id})
     * and old address books keep it; it names the same line as 52 + the 10 digits.
     * Checked on the digits alone (no regular expression: every number of an import passes here).
     */
    private static final String OLD_MEXICAN_MOBILE_PREFIX = "521";

    private static final int OLD_MEXICAN_MOBILE_DIGITS = 13;

    /**
     * Numbers parsed lately, by their E.164 text, one per slot of the text's hash. A store reads back
     * the numbers it wrote (a claimed batch, then the outcomes of the same batch), and libphonenumber's
     * parse and validation cost microseconds a number. Only a canonical E.164 text (one that parsed to
     * itself, and with its {@code +} read the same in every region) is kept, so a hit answers exactly
     * what parsing would. A plain array: slots are written racily, which is safe for an immutable value
     * with final fields (a reader sees a whole number or an older one, and checks the text).
     */
    private static final PhoneNumber[] RECENT = new PhoneNumber[1 << 14];

    static {
        StoredPhoneNumbers.install(PhoneNumber::readBack);
    }

    private final String e164;
    // Never handed out (the protobuf type is mutable). Set when parsed; for a number read back from a store
    // (readBack), on first use, with the type, which comes with validation (one matching of the number against
    // its country's patterns): a dispatch reads back every number it sends to and asks only its text.
    private volatile Phonenumber.@Nullable PhoneNumber parsed;
    private volatile @Nullable PhoneNumberType type;
    // derived lazily: it needs regular expressions, and most callers never ask
    private volatile @Nullable String regionCode;

    private PhoneNumber(String e164, Phonenumber.PhoneNumber parsed, PhoneNumberType type) {
        this.e164 = e164;
        this.type = type;
        this.parsed = parsed;
    }

    /** A number read back, parsed and validated on first use: see {@link #readBack}. */
    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /**
     * Reads an international number: with {@code +}, with {@code 00}, or digits that start with
     * the country code.
     *
     * @throws InvalidPhoneNumberException if it is not a valid number, with the reason
     * @throws InvalidArgumentException if {@code input} is null
     */
    public static PhoneNumber parse(String input) {
        return parse(input, null);
    }

    /**
     * Reads a number; digits with no {@code +} or {@code 00} are read as a national number of
     * {@code defaultRegion} (an ISO 3166 two-letter code such as {@code "MX"}), or as international
     * when {@code defaultRegion} is null.
     *
     * @throws InvalidPhoneNumberException if it is not a valid number, with the reason
     * @throws InvalidArgumentException if {@code input} is null or {@code defaultRegion} is not a
     *     region libphonenumber knows
     */
    public static PhoneNumber parse(String input, @Nullable String defaultRegion) {
        Arguments.requireNonNull(input, "input");
        String region = normalizeRegion(defaultRegion);
        PhoneNumber recent = recent(input);
        if (recent != null) {
            return recent;
        }
        String digits = digitsOf(input);
        boolean international = digits.startsWith("+") || region == null;
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
            international = true;
        } else if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            throw new InvalidPhoneNumberException(input, Reason.TOO_SHORT, "no digits");
        }
        if ((international || "MX".equals(region))
                && digits.length() == OLD_MEXICAN_MOBILE_DIGITS
                && digits.startsWith(OLD_MEXICAN_MOBILE_PREFIX)) {
            digits = "52" + digits.substring(3);
            international = true;
        }
        Phonenumber.PhoneNumber number = parseWithLibphonenumber(
                input, international ? "+" + digits : digits, international ? UNKNOWN_REGION : region);
        PhoneNumberType type = validate(input, number);
        PhoneNumber phone = new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164), number, type);
        if (phone.e164.equals(input)) {
            RECENT[slotOf(input)] = phone;
        }
        return phone;
    }

    /**
     * A number a store wrote as {@link #e164()} and reads back: not parsed again until its country, region or
     * type is asked for (then as {@link #parse(String)} would, so a number its country's plan no longer allows
     * throws there). Text that is not in E.164's shape is parsed now. Reached through {@link
     * io.campaignkit.core.internal.StoredPhoneNumbers}, for this library's own stores only.
     */
    private static PhoneNumber readBack(String e164) {
        PhoneNumber recent = recent(e164);
        if (recent != null) {
            return recent;
        }
        return isE164Shape(e164) ? new PhoneNumber(e164) : parse(e164);
    }

    /** The number of {@link #RECENT} parsed from exactly {@code text}, if it is still there. */
    private static @Nullable PhoneNumber recent(String text) {
        PhoneNumber recent = RECENT[slotOf(text)];
        return recent != null && recent.e164.equals(text) ? recent : null;
    }

    private static int slotOf(String text) {
        return text.hashCode() & (RECENT.length - 1);
    }

    /** {@code +}, a first digit 1-9, up to fifteen digits in all (ITU-T E.164), and at least seven. */
    private static boolean isE164Shape(String text) {
        int length = text.length();
        if (length < 8 || length > 16 || text.charAt(0) != '+' || text.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The parsed form, parsing a read-back number now (which sets its type too). */
    private Phonenumber.PhoneNumber parsed() {
        Phonenumber.PhoneNumber number = parsed;
        if (number == null) {
            PhoneNumber full = parse(e164);
            type = full.type;
            number = full.parsed();
            parsed = number;
        }
        return number;
    }

    /** Whether {@code input} is a valid international number; never throws. */
    public static boolean isValid(String input) {
        if (input == null) {
            return false;
        }
        try {
            parse(input);
            return true;
        } catch (InvalidPhoneNumberException e) {
            return false;
        }
    }

    /**
     * Whether {@code region} is an ISO 3166 two-letter code that {@link #parse(String, String)}
     * accepts as a default region (letter case and surrounding blanks ignored); never throws.
     */
    public static boolean isSupportedRegion(@Nullable String region) {
        return region != null
                && UTIL.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
    }

    private static @Nullable String normalizeRegion(@Nullable String defaultRegion) {
        if (defaultRegion == null) {
            return null;
        }
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!isSupportedRegion(region)) {
            throw new InvalidArgumentException(
                    "defaultRegion",
                    "defaultRegion '" + defaultRegion + "' is not a known ISO 3166 region code (e.g. MX, US, ES)");
        }
        return region;
    }

    /** Keeps the digits (and a leading '+'), dropping the separators people type. */
    private static String digitsOf(String input) {
        StringBuilder out = new StringBuilder(input.length());
        boolean seenContent = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                seenContent = true;
            } else if (c == '+' && !seenContent) {
                out.append(c);
                seenContent = true;
            } else if (c == '(' || c == ')') {
                seenContent = true;
            } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '.')) {
                throw new InvalidPhoneNumberException(
                        input, Reason.INVALID_CHARACTERS, "'" + c + "' at position " + (i + 1));
            }
        }
        if (out.length() == 0 && input.isBlank()) {
            throw new InvalidPhoneNumberException(input, Reason.EMPTY, null);
        }
        return out.toString();
    }

    private static Phonenumber.PhoneNumber parseWithLibphonenumber(String input, String text, @Nullable String region) {
        try {
            return UTIL.parse(text, region);
        } catch (NumberParseException e) {
            switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE:
                    throw new InvalidPhoneNumberException(input, Reason.UNKNOWN_COUNTRY_CODE, null);
                case TOO_LONG:
                    throw new InvalidPhoneNumberException(input, Reason.TOO_LONG, null);
                case TOO_SHORT_NSN:
                case TOO_SHORT_AFTER_IDD:
                    throw new InvalidPhoneNumberException(input, Reason.TOO_SHORT, null);
                default:
                    throw new InvalidPhoneNumberException(input, Reason.NOT_VALID_FOR_COUNTRY, e.getMessage());
            }
        }
    }

    /** The number's type once it is valid; throws naming why it is not. */
    private static PhoneNumberType validate(String input, Phonenumber.PhoneNumber number) {
        ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        switch (possible) {
            case IS_POSSIBLE:
                break;
            case INVALID_COUNTRY_CODE:
                throw new InvalidPhoneNumberException(
                        input, Reason.UNKNOWN_COUNTRY_CODE, "+" + number.getCountryCode());
            case TOO_SHORT:
                throw new InvalidPhoneNumberException(input, Reason.TOO_SHORT, countryDetail(number));
            case IS_POSSIBLE_LOCAL_ONLY:
                throw new InvalidPhoneNumberException(
                        input, Reason.TOO_SHORT, "a local number: add the area code, " + countryDetail(number));
            case TOO_LONG:
                throw new InvalidPhoneNumberException(input, Reason.TOO_LONG, countryDetail(number));
            default:
                throw new InvalidPhoneNumberException(
                        input,
                        Reason.NOT_VALID_FOR_COUNTRY,
                        "no number of " + countryDetail(number) + " has that length");
        }
        // libphonenumber's isValidNumber is getNumberType(number) != UNKNOWN (both match the national number
        // against the patterns of the country its code names): asked once, the answer gives the type too
        com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
        if (type == com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
            throw new InvalidPhoneNumberException(input, Reason.NOT_VALID_FOR_COUNTRY, countryDetail(number));
        }
        return PhoneNumberType.valueOf(type.name());
    }

    private static String countryDetail(Phonenumber.PhoneNumber number) {
        return "country code +" + number.getCountryCode();
    }

    /** The number in E.164 form: {@code +} and up to 15 digits. */
    public String e164() {
        return e164;
    }

    /** The E.164 form without the {@code +}, as WhatsApp's {@code wa_id} and some APIs want it. */
    public String digits() {
        return e164.substring(1);
    }

    /** The country calling code, e.g. 52 for Mexico. */
    public int countryCode() {
        return parsed().getCountryCode();
    }

    /** The ISO 3166 region of the number, e.g. {@code "MX"}; {@code "001"} for non-geographic numbers. */
    public String regionCode() {
        String region = regionCode;
        if (region == null) {
            String found = UTIL.getRegionCodeForNumber(parsed());
            region = found == null ? UNKNOWN_REGION : found;
            regionCode = region;
        }
        return region;
    }

    /** What kind of line this is (mobile, fixed line, …). */
    public PhoneNumberType type() {
        PhoneNumberType known = type;
        if (known == null) {
            parsed(); // sets the type before the parsed form, both volatile: read in that order here
            known = Objects.requireNonNull(type, "type");
        }
        return known;
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public boolean equals(Object other) {
        // the same instance first: every copy of a recipient checks its contact's number against its key's
        return this == other || other instanceof PhoneNumber && ((PhoneNumber) other).e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    /** The E.164 form. */
    @Override
    public String toString() {
        return e164;
    }
}
