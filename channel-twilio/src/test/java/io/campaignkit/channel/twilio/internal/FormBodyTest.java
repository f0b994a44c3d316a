package io.campaignkit.channel.twilio.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormBodyTest {

    @Test
    void decodes_plus_percent_and_empty_values_in_order() {
        assertThat(FormBody.parse("From=whatsapp%3A%2B15551234567&Body=Hola+%C3%B1and%C3%BA&Empty=&Flag"))
                .containsExactly(
                        java.util.Map.entry("From", "whatsapp:+15551234567"),
                        java.util.Map.entry("Body", "Hola ñandú"),
                        java.util.Map.entry("Empty", ""),
                        java.util.Map.entry("Flag", ""));
        assertThat(FormBody.parse("")).isEmpty();
    }

    @Test
    void refuses_a_repeated_name() {
        assertThatThrownBy(() -> FormBody.parse("A=1&A=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A'");
    }
}
