package io.campaignkit.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which contacts a channel binding may reach: a flag, or a valued tag or field compared as people type it. */
class ContactConditionTest {

    private static final PhoneNumber PHONE = PhoneNumber.parse("+525500998877");

    @Test
    void aFlagIsMetByAContactTaggedWithIt() {
        ContactCondition vip = ContactCondition.parse("vip");

        assertThat(vip).isEqualTo(ContactCondition.hasFlag("vip"));
        assertThat(vip.matches(Contact.builder(PHONE).tag("vip").build())).isTrue();
        assertThat(vip.matches(Contact.builder(PHONE).tag("nuevo").build())).isFalse();
        assertThat(vip.matches(Contact.of(PHONE))).isFalse();
    }

    @Test
    void aValueIsMetByAValuedTagOrAFieldIgnoringCaseAndBlanks() {
        ContactCondition sms = ContactCondition.parse(" CANAL = SMS ");

        assertThat(sms).isEqualTo(ContactCondition.hasValue("CANAL", "SMS"));
        assertThat(sms.matches(
                        Contact.builder(PHONE).valuedTag("CANAL", " sms ").build()))
                .isTrue();
        assertThat(sms.matches(Contact.builder(PHONE)
                        .customData(CustomData.of(Map.of("CANAL", new FieldValue.Text("Sms"))))
                        .build()))
                .isTrue();
        assertThat(sms.matches(
                        Contact.builder(PHONE).valuedTag("CANAL", "WHATSAPP").build()))
                .isFalse();
        assertThat(sms.matches(Contact.builder(PHONE)
                        .customData(CustomData.of(Map.of("CANAL", new FieldValue.Text("WhatsApp"))))
                        .build()))
                .isFalse();
        assertThat(sms.matches(Contact.builder(PHONE).tag("CANAL").build())).isFalse();
    }

    @Test
    void itsTextReadsBackAsTheSameCondition() {
        for (String text : new String[] {"vip", "CANAL=SMS", "pais=MX"}) {
            ContactCondition condition = ContactCondition.parse(text);
            assertThat(condition.toText()).isEqualTo(text);
            assertThat(ContactCondition.parse(condition.toText())).isEqualTo(condition);
        }
    }

    @Test
    void aBlankSideOfTheEqualsSignIsRefusedNamingTheCondition() {
        for (String text : new String[] {"=SMS", "CANAL=", " = ", "CANAL= "}) {
            assertThatThrownBy(() -> ContactCondition.parse(text))
                    .as(text)
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.argument()).isEqualTo("condition"))
                    .hasMessageContaining("'" + text + "'");
        }
        assertThat(ContactCondition.parse("A=B=C")).isEqualTo(ContactCondition.hasValue("A", "B=C"));
    }
}
