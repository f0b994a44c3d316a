package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.BindingProblem;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.core.template.ValueFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22, item 4: customers read amounts and dates written for people, not 1500.5 and 2026-12-15. */
class FormattedValuesScenarioTest {

    private static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("MONTO", FieldType.NUMBER)
            .required("VENCE", FieldType.DATE)
            .optional("NOTA", FieldType.TEXT)
            .build();

    private final CampaignScenario scenario = Fixtures.scenario().build();

    @Test
    void aCustomerReceivesTheAmountAndTheDueDateWrittenForPeople() {
        TemplateMessage message = TemplateMessage.of(
                ChannelTemplate.of("recordatorio_pago", "es_MX", "Hola {{1}}, tu saldo de {{2}} vence el {{3}}"),
                Binding.contactName("cliente"),
                Binding.customField("MONTO", ValueFormat.number("en-US", 2)),
                Binding.customField("VENCE", ValueFormat.date("d 'de' MMMM 'de' yyyy", "es-MX")));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic().andThen(c -> c.schema(SCHEMA).message(message)));

        scenario.launch(id, List.of(owing(1, "1500.5", "2026-12-15"), owing(2, "980", "2027-01-02")));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(((TemplateContent) scenario.channel()
                                .sendsTo(Fixtures.phone(1))
                                .get(0)
                                .message()
                                .content())
                        .bodyParameters())
                .containsExactly("Contact 1", "1,500.50", "15 de diciembre de 2026");
        assertThat(((TemplateContent) scenario.channel()
                                .sendsTo(Fixtures.phone(2))
                                .get(0)
                                .message()
                                .content())
                        .bodyParameters())
                .containsExactly("Contact 2", "980.00", "2 de enero de 2027");
    }

    @Test
    void anSmsTextCarriesTheCurrencyOfItsCountry() {
        TemplateMessage message = TemplateMessage.of(
                InlineTemplate.of("Debes {{1}} antes del {{2}}"),
                Binding.customField("MONTO", ValueFormat.currency("es-ES", "EUR")),
                Binding.customField("VENCE", ValueFormat.date("dd/MM/yyyy", "es-ES")));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic().andThen(c -> c.schema(SCHEMA).message(message)));

        scenario.launch(id, List.of(owing(1, "1500.5", "2026-12-15")));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(((TextContent) scenario.channel()
                                .sendsTo(Fixtures.phone(1))
                                .get(0)
                                .message()
                                .content())
                        .body())
                .isEqualTo("Debes 1.500,50\u00a0€ antes del 15/12/2026");
    }

    @Test
    void aNumberFormatOnATextFieldKeepsTheCampaignFromBeingLaunched() {
        TemplateMessage message = TemplateMessage.of(
                ChannelTemplate.of("nota", "es_MX", "Nota: {{1}}"),
                Binding.customField("NOTA", ValueFormat.number("es-MX", 2)));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic().andThen(c -> c.schema(SCHEMA).message(message)));

        assertThatThrownBy(() -> scenario.launch(id, List.of(owing(1, "1500.5", "2026-12-15"))))
                .isInstanceOfSatisfying(
                        CampaignValidationException.class,
                        e -> assertThat(e.violations())
                                .anySatisfy(v -> assertThat(v.code()).isEqualTo(BindingProblem.FORMAT_MISMATCH)));
        assertThat(scenario.channel().sends()).isEmpty();
    }

    private static Contact owing(int i, String amount, String due) {
        return Fixtures.contact(i).withCustomData(SCHEMA.parse(Map.of("MONTO", amount, "VENCE", due)));
    }
}
