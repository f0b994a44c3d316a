package io.campaignkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.InvalidPhoneNumberException;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A number read back from a store is the number parsed: the same text, country, region, type and equality,
 * whenever they are asked for; only the moment of validation moves (to the first question that needs it).
 */
class StoredPhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Provide
    Arbitrary<String> storedNumbers() {
        // libphonenumber's example number of every region and type it has one for, as E.164
        List<String> numbers = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                // not through PhoneNumber.parse: it would keep them among its recent numbers, which readBack
                // answers from, and the numbers read back here must be made without parsing
                if (example != null
                        && UTIL.isPossibleNumberWithReason(example) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                        && UTIL.isValidNumber(example)) { // PhoneNumber.parse's verdict (PhoneNumberVerdictProperties)
                    numbers.add(UTIL.format(example, PhoneNumberFormat.E164));
                }
            }
        }
        return Arbitraries.of(numbers);
    }

    @Property(tries = 2000)
    void aNumberReadBackAnswersAsTheParsedOne(@ForAll("storedNumbers") String e164) {
        PhoneNumber readBack = StoredPhoneNumbers.readBack(e164);
        PhoneNumber parsed = PhoneNumber.parse(e164);
        assertThat(parsed.e164()).isEqualTo(e164); // canonical: what a store writes
        assertThat(readBack.e164()).isEqualTo(e164);
        assertThat(readBack.digits()).isEqualTo(parsed.digits());
        assertThat(readBack.type()).isEqualTo(parsed.type());
        assertThat(readBack.countryCode()).isEqualTo(parsed.countryCode());
        assertThat(readBack.regionCode()).isEqualTo(parsed.regionCode());
        assertThat(readBack).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(readBack.compareTo(parsed)).isZero();
    }

    @Test
    void aNumberItsCountryNoLongerAllowsFailsWhenItsTypeIsAskedNotWhenReadBack() {
        // the shape of E.164, but +999 is no country's code: a store never wrote it, so this is a number
        // whose country's plan changed since, as far as the reader can tell
        PhoneNumber readBack = StoredPhoneNumbers.readBack("+99912345678");
        assertThat(readBack.e164()).isEqualTo("+99912345678");
        assertThatThrownBy(readBack::type).isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(readBack::countryCode).isInstanceOf(InvalidPhoneNumberException.class);
        assertThat(PhoneNumber.isValid("+99912345678")).isFalse();
    }

    @Test
    void textNotInE164sShapeIsParsedNow() {
        assertThat(StoredPhoneNumbers.readBack("+52 1 55 1234 5678").e164()).isEqualTo("+525512345678");
        assertThat(StoredPhoneNumbers.readBack("0034612345678").e164()).isEqualTo("+34612345678");
        assertThatThrownBy(() -> StoredPhoneNumbers.readBack("+0123456789"))
                .isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> StoredPhoneNumbers.readBack("not a number"))
                .isInstanceOf(InvalidPhoneNumberException.class);
    }

    @Test
    void aNullNumberIsRefusedByName() {
        assertThatThrownBy(() -> StoredPhoneNumbers.readBack(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("e164");
    }
}
