package io.campaignkit.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.InvalidPhoneNumberException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+525500998877        | +525500998877",
                "+52 55 0099 8877     | +525500998877",
                "+52-55-0099-8877     | +525500998877",
                "+52 (55) 0099.8877   | +525500998877",
                "00525500998877       | +525500998877",
                "00 52 55 0099 8877   | +525500998877",
                "525500998877         | +525500998877",
                "'  +1 (415) 555-2671 '| +14155552671",
                "34 612 34 56 78      | +34612345678",
            })
    void normalizesWhatPeopleTypeToE164(String input, String e164) {
        assertThat(PhoneNumber.parse(input).e164()).isEqualTo(e164);
    }

    /**
     * Mexico dropped the mobile "1" after the country code in 2019, but WhatsApp still reports Mexican
     * mobiles as 521 + 10 digits, and old address books keep it: it is the same line as 52 + 10 digits.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+5214771234567       | +524771234567",
                "5214771234567        | +524771234567",
                "005215512345678      | +525512345678",
                "+52 1 55 1234 5678   | +525512345678",
            })
    void readsMexicosOldMobilePrefixAsTheCurrentNumber(String input, String e164) {
        assertThat(PhoneNumber.parse(input).e164()).isEqualTo(e164);
        assertThat(PhoneNumber.parse(input, "MX").e164()).isEqualTo(e164);
    }

    @Test
    void theMexicanMobilePrefixRuleTouchesOnlyThirteenDigitNumbersOfMexico() {
        // 52 + 1 + 9 digits is not the old mobile form: refused as before, not shortened into something else
        assertThatThrownBy(() -> PhoneNumber.parse("+521551234567")).isInstanceOf(InvalidPhoneNumberException.class);
        // the current form is left as it is
        assertThat(PhoneNumber.parse("+525512345678").e164()).isEqualTo("+525512345678");
    }

    @Test
    void digitsWithoutPlusAreNationalWhenADefaultRegionIsGiven() {
        assertThat(PhoneNumber.parse("55 0099 8877", "MX").e164()).isEqualTo("+525500998877");
        assertThat(PhoneNumber.parse("(415) 555-2671", "us").e164()).isEqualTo("+14155552671");
        // a '+' or '00' still means international, whatever the region
        assertThat(PhoneNumber.parse("+34 612 345 678", "MX").e164()).isEqualTo("+34612345678");
        assertThat(PhoneNumber.parse("0034612345678", "MX").e164()).isEqualTo("+34612345678");
    }

    @Test
    void keepsTheTypeSoLandlinesCanBeRefused() {
        assertThat(PhoneNumber.parse("+34612345678").type()).isEqualTo(PhoneNumberType.MOBILE);
        assertThat(PhoneNumber.parse("+34912345678").type()).isEqualTo(PhoneNumberType.FIXED_LINE);
        assertThat(PhoneNumber.parse("+14155552671").type()).isEqualTo(PhoneNumberType.FIXED_LINE_OR_MOBILE);
        assertThat(PhoneNumberType.FIXED_LINE.mayReceiveMessages()).isFalse();
        assertThat(PhoneNumberType.MOBILE.mayReceiveMessages()).isTrue();
        assertThat(PhoneNumberType.FIXED_LINE_OR_MOBILE.mayReceiveMessages()).isTrue();
    }

    @Test
    void knowsItsCountryAndRegion() {
        PhoneNumber mx = PhoneNumber.parse("+525500998877");
        assertThat(mx.countryCode()).isEqualTo(52);
        assertThat(mx.regionCode()).isEqualTo("MX");
        assertThat(mx.digits()).isEqualTo("525500998877");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+52 55                | TOO_SHORT",
                "+3461234567890123456  | TOO_LONG",
                "+999 1234 5678        | UNKNOWN_COUNTRY_CODE",
                "+34 012 345 678       | NOT_VALID_FOR_COUNTRY",
                "+1 555 0100 000       | NOT_VALID_FOR_COUNTRY",
                "+52 55 ABC 8877       | INVALID_CHARACTERS",
                "tel:+525500998877     | INVALID_CHARACTERS",
                "'   '                 | EMPTY",
                "'+'                   | TOO_SHORT",
            })
    void refusesInvalidNumbersWithTheReason(String input, Reason reason) {
        assertThatThrownBy(() -> PhoneNumber.parse(input))
                .isInstanceOfSatisfying(InvalidPhoneNumberException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.code()).isEqualTo("INVALID_PHONE");
                    assertThat(e.input()).isEqualTo(input);
                    assertThat(e.getMessage()).contains(input).contains(reason.words());
                });
    }

    @Test
    void namesTheBadArgument() {
        assertThatThrownBy(() -> PhoneNumber.parse(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("input"));
        assertThatThrownBy(() -> PhoneNumber.parse("5500998877", "XX"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("defaultRegion"));
    }

    @Test
    void knowsWhichDefaultRegionsItSupports() {
        assertThat(PhoneNumber.isSupportedRegion("MX")).isTrue();
        assertThat(PhoneNumber.isSupportedRegion(" es ")).isTrue();
        assertThat(PhoneNumber.isSupportedRegion("XX")).isFalse();
        assertThat(PhoneNumber.isSupportedRegion(null)).isFalse();
    }

    @Test
    void equalityIsTheE164Form() {
        assertThat(PhoneNumber.parse("+52 55 0099 8877"))
                .isEqualTo(PhoneNumber.parse("00525500998877"))
                .hasSameHashCodeAs(PhoneNumber.parse("525500998877"));
        assertThat(PhoneNumber.parse("+525500998877")).hasToString("+525500998877");
        assertThat(PhoneNumber.isValid("+525500998877")).isTrue();
        assertThat(PhoneNumber.isValid("+52")).isFalse();
        assertThat(PhoneNumber.isValid(null)).isFalse();
    }

    /**
     * Numbers parsed lately are kept by their E.164 text (a store reads back what it wrote): a number
     * read again answers what parsing answers, whatever came between, and a kept number never lets a
     * bad default region or another text through.
     */
    @Test
    void aNumberReadAgainIsWhatParsingGives() {
        PhoneNumber first = PhoneNumber.parse("+525512345678");
        PhoneNumber again = PhoneNumber.parse("+525512345678");
        assertThat(again).isEqualTo(first);
        assertThat(again.e164()).isEqualTo("+525512345678");
        assertThat(again.regionCode()).isEqualTo("MX");
        assertThat(PhoneNumber.parse("+525512345678", "US")).isEqualTo(first); // a '+' is read the same in every region
        assertThat(PhoneNumber.parse("+5215512345678").e164()).isEqualTo("+525512345678");
        assertThatThrownBy(() -> PhoneNumber.parse("+525512345678", "XX")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("+52551234567")).isInstanceOf(InvalidPhoneNumberException.class);
        for (int i = 0; i < 40_000; i++) { // more numbers than are kept: the first is pushed out, and parsed again
            PhoneNumber.parse("+5255" + (10_000_000 + i));
        }
        assertThat(PhoneNumber.parse("+525512345678")).isEqualTo(first);
    }
}
