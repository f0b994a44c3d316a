package io.campaignkit.channel.whatsapp.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppIdsTest {

    @Test
    void convertsBothWays() {
        assertThat(WhatsAppIds.fromE164("+5215512345678")).isEqualTo("5215512345678");
        assertThat(WhatsAppIds.toE164("5215512345678")).isEqualTo("+5215512345678");
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
    void roundTrip(@ForAll @LongRange(min = 10L, max = 999_999_999_999_999L) long digits) {
        String e164 = "+" + digits;
        assertThat(WhatsAppIds.toE164(WhatsAppIds.fromE164(e164))).isEqualTo(e164);
    }
}
