package io.campaignkit.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PhoneNumber#parse(String)} asks libphonenumber once for a number's type and takes UNKNOWN as
 * "not valid", where libphonenumber itself would be asked twice ({@code isValidNumber}, then
 * {@code getNumberType}): on any international number, the verdict and the type are exactly
 * libphonenumber's.
 */
class PhoneNumberVerdictProperties {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Provide
    Arbitrary<String> internationalNumbers() {
        // real calling codes (shared +1, +7, non-geographic +800/+882) with national parts of any length
        Arbitrary<Integer> codes =
                Arbitraries.of(1, 7, 34, 44, 49, 52, 54, 55, 57, 81, 86, 91, 234, 502, 800, 882, 971);
        Arbitrary<String> national =
                Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(13);
        return net.jqwik.api.Combinators.combine(codes, national).as((code, digits) -> "+" + code + digits);
    }

    @Property(tries = 3000)
    void theVerdictAndTheTypeAreLibphonenumbers(@ForAll("internationalNumbers") String text) throws Exception {
        Phonenumber.PhoneNumber reference;
        try {
            reference = UTIL.parse(text, "ZZ");
        } catch (NumberParseException unparseable) {
            assertThat(PhoneNumber.isValid(text)).isFalse();
            return;
        }
        boolean valid = UTIL.isPossibleNumberWithReason(reference) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                && UTIL.isValidNumber(reference);
        boolean oldMexicanMobile = text.startsWith("+521") && text.length() == 14;
        if (oldMexicanMobile) {
            return; // read as +52 and the 10 digits on purpose (see PhoneNumberTest)
        }
        assertThat(PhoneNumber.isValid(text)).as(text).isEqualTo(valid);
        if (valid) {
            assertThat(PhoneNumber.parse(text).type().name())
                    .as(text)
                    .isEqualTo(UTIL.getNumberType(reference).name());
        }
    }
}
