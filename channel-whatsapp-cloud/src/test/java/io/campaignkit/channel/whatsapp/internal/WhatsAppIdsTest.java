package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WhatsAppIdsTest {

    @Test
    void convertsBothWays() {
        assertThat(WhatsAppIds.fromE164("+5215512345678")).isEqualTo("5215512345678");
        assertThat(WhatsAppIds.toE164("15550001111")).isEqualTo("+15550001111");
    }

    @Test
    void mexicanMobilesLoseTheRetiredOne() {
        // Meta's own sample wa_id (reference §3) is a Mexican mobile in the old form
        assertThat(WhatsAppIds.toE164("5215512345678")).isEqualTo("+525512345678");
        assertThat(WhatsAppIds.toE164("5214771234567")).isEqualTo("+524771234567");
        // already current: unchanged
        assertThat(WhatsAppIds.toE164("525512345678")).isEqualTo("+525512345678");
    }

    @Test
    void brazilianMobilesWithoutTheNinthDigitGetIt() {
        assertThat(WhatsAppIds.toE164("552164180266")).isEqualTo("+5521964180266");
        assertThat(WhatsAppIds.toE164("5511987654321")).isEqualTo("+5511987654321");
        // a fixed line (8 digits starting 2-5) is not a mobile: unchanged
        assertThat(WhatsAppIds.toE164("551132345678")).isEqualTo("+551132345678");
    }

    @Test
    void argentineMobilesKeepTheirNine() {
        assertThat(WhatsAppIds.toE164("5491112345678")).isEqualTo("+5491112345678");
    }

    @Test
    void refusesNonE164WithTheValue() {
        assertThatThrownBy(() -> WhatsAppIds.fromE164("5215512345678")).hasMessageContaining("5215512345678");
        assertThatThrownBy(() -> WhatsAppIds.fromE164("+52 55 1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WhatsAppIds.fromE164(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unexpectedWaIdBecomesNull() {
        assertThat(WhatsAppIds.toE164("+15550001111")).isNull();
        assertThat(WhatsAppIds.toE164("abc")).isNull();
        assertThat(WhatsAppIds.toE164(null)).isNull();
    }

    @Property(tries = 200)
    void roundTripOutsideTheNormalizedPrefixes(@ForAll @LongRange(min = 10L, max = 999_999_999_999_999L) long digits) {
        String e164 = "+" + digits;
        net.jqwik.api.Assume.that(!e164.startsWith("+52") && !e164.startsWith("+55"));
        assertThat(WhatsAppIds.toE164(WhatsAppIds.fromE164(e164))).isEqualTo(e164);
    }

    @Property(tries = 200)
    void normalizedIdsAreE164(@ForAll @LongRange(min = 10L, max = 999_999_999_999_999L) long digits) {
        String e164 = WhatsAppIds.toE164(Long.toString(digits));
        assertThat(e164).matches("\\+[1-9]\\d{1,14}");
    }
}
