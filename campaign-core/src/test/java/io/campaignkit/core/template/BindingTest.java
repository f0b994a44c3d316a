package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingTest {

    private static final Contact ANA = Contact.builder(PhoneNumber.parse("+525512345678"))
            .name("Ana")
            .valuedTag("ciudad", "CDMX")
            .valuedTag("vacio", "")
            .customData(CustomData.of(Map.of(
                    "MONTO", new FieldValue.Number(new BigDecimal("1480.50")),
                    "FECHA", new FieldValue.Date(LocalDate.of(2026, 6, 30)))))
            .build();
    private static final Contact NAMELESS = Contact.of(PhoneNumber.parse("+525587654321"));

    @Test
    void a_literal_is_the_same_for_everyone() {
        assertThat(Binding.literal("Banco Azul").valueFor(ANA)).contains("Banco Azul");
        assertThat(Binding.literal("Banco Azul").valueFor(NAMELESS)).contains("Banco Azul");
    }

    @Test
    void the_contact_name_falls_back_when_the_contact_has_none() {
        assertThat(Binding.contactName().valueFor(ANA)).contains("Ana");
        assertThat(Binding.contactName().valueFor(NAMELESS)).isEmpty();
        assertThat(Binding.contactName("cliente").valueFor(NAMELESS)).contains("cliente");
        assertThat(Binding.contactName("cliente").describe()).contains("contact name", "cliente");
    }

    @Test
    void a_custom_field_renders_its_canonical_text() {
        assertThat(Binding.customField("MONTO").valueFor(ANA)).contains("1480.5");
        assertThat(Binding.customField("FECHA").valueFor(ANA)).contains("2026-06-30");
        assertThat(Binding.customField("MONTO").valueFor(NAMELESS)).isEmpty();
        assertThat(Binding.customField(" MONTO ")).isEqualTo(Binding.customField("MONTO"));
        assertThat(Binding.customField("MONTO").describe()).isEqualTo("custom field MONTO");
    }

    @Test
    void a_valued_tag_renders_its_value_and_an_empty_value_is_no_value() {
        assertThat(Binding.valuedTag("ciudad").valueFor(ANA)).contains("CDMX");
        assertThat(Binding.valuedTag("vacio").valueFor(ANA)).isEmpty();
        assertThat(Binding.valuedTag("ciudad").valueFor(NAMELESS)).isEmpty();
        assertThat(Binding.valuedTag("ciudad").describe()).isEqualTo("valued tag ciudad");
    }

    @Test
    void bad_arguments_are_named() {
        assertThatThrownBy(() -> Binding.literal(" "))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("text"));
        assertThatThrownBy(() -> Binding.contactName(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("fallback"));
        assertThatThrownBy(() -> Binding.customField(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("fieldId"));
        assertThatThrownBy(() -> Binding.customField("X".repeat(65)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("fieldId"));
        assertThatThrownBy(() -> Binding.valuedTag(""))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("key"));
        assertThatThrownBy(() -> Binding.literal("x").valueFor(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("contact"));
    }
}
