package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignValidation;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A custom field bound with a format is checked against the schema and written for people when rendered. */
class FormattedBindingTest {

    private static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("MONTO", FieldType.NUMBER)
            .required("VENCE", FieldType.DATE)
            .optional("NOTA", FieldType.TEXT)
            .build();
    private static final Contact ANA = Contact.builder(PhoneNumber.parse("+525512345678"))
            .name("Ana")
            .build()
            .withCustomData(SCHEMA.parse(Map.of("MONTO", "1500.5", "VENCE", "2026-12-15", "NOTA", "gracias")));
    private static final ChannelTemplate SALDO =
            ChannelTemplate.of("saldo", "es_MX", "Hola {{1}}, debes {{2}} antes del {{3}}");

    @Test
    void formattedFieldsRenderForPeopleAndUnformattedOnesStayCanonical() {
        TemplateMessage formatted = TemplateMessage.of(
                SALDO,
                Binding.contactName(),
                Binding.customField("MONTO", ValueFormat.number("en-US", 2)),
                Binding.customField("VENCE", ValueFormat.date("d 'de' MMMM 'de' yyyy", "es-MX")));
        TemplateMessage plain = TemplateMessage.of(
                SALDO, Binding.contactName(), Binding.customField("MONTO"), Binding.customField("VENCE"));

        assertThat(formatted.check(SCHEMA)).isEmpty();
        assertThat(formatted.render(ANA))
                .isEqualTo(new RenderResult.Rendered(
                        List.of("Ana", "1,500.50", "15 de diciembre de 2026"), Optional.empty()));
        assertThat(plain.render(ANA))
                .isEqualTo(new RenderResult.Rendered(List.of("Ana", "1500.5", "2026-12-15"), Optional.empty()));
    }

    @Test
    void anInlineTemplateShowsTheFormattedValuesInItsText() {
        TemplateMessage sms = TemplateMessage.of(
                InlineTemplate.of("Debes {{1}} al {{2}}"),
                Binding.customField("MONTO", ValueFormat.currency("es-ES", "EUR")),
                Binding.customField("VENCE", ValueFormat.date("dd/MM/yyyy", "es-ES")));

        assertThat(sms.render(ANA))
                .isInstanceOfSatisfying(
                        RenderResult.Rendered.class,
                        rendered -> assertThat(rendered.text()).contains("Debes 1.500,50\u00a0€ al 15/12/2026"));
    }

    @Test
    void aFormatOfAnotherTypeThanItsFieldIsAValidationProblemNamingTheBinding() {
        TemplateMessage wrong = TemplateMessage.of(
                SALDO,
                Binding.customField("NOTA", ValueFormat.number("es-MX", 2)),
                Binding.customField("MONTO", ValueFormat.date("d/M/yyyy", "es-MX")),
                Binding.customField("VENCE", ValueFormat.date("d/M/yyyy", "es-MX")));

        assertThat(wrong.check(SCHEMA))
                .extracting(BindingProblem::placeholder, BindingProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, BindingProblem.FORMAT_MISMATCH),
                        org.assertj.core.groups.Tuple.tuple(2, BindingProblem.FORMAT_MISMATCH));
        assertThat(wrong.check(SCHEMA).get(0).message())
                .contains("{{1}}", "custom field NOTA", "number in es-MX", "TEXT field");

        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("c")
                .botFlowId("bot")
                .channel("simulated", "s")
                .schema(SCHEMA)
                .message(wrong)
                .build();
        assertThat(CampaignValidation.of(CampaignKind.LIVE, configuration).violations())
                .anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo("message.{{1}}");
                    assertThat(v.code()).isEqualTo(BindingProblem.FORMAT_MISMATCH);
                });
    }

    @Test
    void aValueTheFormatCannotWriteLeavesThePlaceholderUnresolvedWithTheReason() {
        // data kept under an older schema, where MONTO was a date
        Contact stale = ANA.withCustomData(CustomDataSchema.custom()
                .required("MONTO", FieldType.DATE)
                .build()
                .parse(Map.of("MONTO", "2026-01-31")));
        Binding amount = Binding.customField("MONTO", ValueFormat.currency("es-MX", "MXN"));
        TemplateMessage message = TemplateMessage.of(InlineTemplate.of("Debes {{1}}"), amount);

        assertThat(message.render(stale)).isInstanceOfSatisfying(RenderResult.Unresolved.class, unresolved -> {
            assertThat(unresolved.placeholder()).isEqualTo(1);
            assertThat(unresolved.binding()).contains(amount);
            assertThat(unresolved.reason())
                    .contains("{{1}}", "custom field MONTO as currency MXN in es-MX", "2026-01-31 is a date")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void aMissingValueIsStillUnresolvedAsWithoutAFormat() {
        Contact nameless = Contact.of(PhoneNumber.parse("+525587654321"));
        TemplateMessage message = TemplateMessage.of(
                InlineTemplate.of("Debes {{1}}"), Binding.customField("MONTO", ValueFormat.number("es-MX", 2)));

        assertThat(message.render(nameless))
                .isInstanceOfSatisfying(
                        RenderResult.Unresolved.class,
                        unresolved -> assertThat(unresolved.reason()).contains("has no value for custom field MONTO"));
    }

    @Test
    void aBindingWithAFormatIsAValueOfItsParts() {
        assertThat(Binding.customField("MONTO", ValueFormat.number("es-MX", 2)))
                .isEqualTo(new Binding.CustomField("MONTO", Optional.of(ValueFormat.number("es_MX", 2))))
                .isNotEqualTo(Binding.customField("MONTO"));
        assertThat(Binding.customField("MONTO")).isEqualTo(new Binding.CustomField("MONTO", Optional.empty()));
        assertThat(Binding.customField("MONTO").describe()).isEqualTo("custom field MONTO");
    }
}
