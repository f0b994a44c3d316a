package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.core.template.ValueFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A binding's format survives the stored configuration, and a configuration written before formats
 * existed still reads, renders as it did, and is written again to the very same text.
 */
class FormattedBindingCodecTest {

    /** A row's configuration as the release before formats wrote it: three bindings, name, MONTO, VENCE. */
    static final String OLD_ROW = "1:118:Cobranza diciembre12:cobranza-bot14:whatsapp-cloud12:109876543210"
            + "1:C17:recordatorio_pago5:es_MX1:31:31:N7:cliente1:F5:MONTO1:F5:VENCE~1:I7:lista-1"
            + "1:25:MONTO6:NUMBER1:T5:VENCE4:DATE1:T19:America/Mexico_City19:MON-FRI 09:00-18:00"
            + "~2:206:SECOND1:0~5:QUEUE~";

    @Test
    void anOldRowStillReadsAndRendersTheCanonicalValuesUnchanged() {
        CampaignConfiguration old = CampaignCodec.decodeConfiguration(OLD_ROW);
        TemplateMessage message = old.message().orElseThrow();

        assertThat(message.bindings())
                .containsExactly(
                        Binding.contactName("cliente"), Binding.customField("MONTO"), Binding.customField("VENCE"));
        assertThat(message.render(ana(old)))
                .isEqualTo(new RenderResult.Rendered(List.of("Ana", "1500.5", "2026-12-15"), Optional.empty()));
        assertThat(CampaignCodec.encodeConfiguration(old)).isEqualTo(OLD_ROW);
    }

    @Test
    void everyKindOfFormatComesBackEqualAndRendersForPeople() {
        CampaignConfiguration old = CampaignCodec.decodeConfiguration(OLD_ROW);
        TemplateMessage formatted = old.message()
                .orElseThrow()
                .withBindings(List.of(
                        Binding.contactName("cliente"),
                        Binding.customField("MONTO", ValueFormat.currency("es-MX", "MXN")),
                        Binding.customField("VENCE", ValueFormat.date("d 'de' MMMM 'de' yyyy '5:x ~'", "es-MX"))));
        CampaignConfiguration configuration = old.toBuilder().message(formatted).build();

        CampaignConfiguration back =
                CampaignCodec.decodeConfiguration(CampaignCodec.encodeConfiguration(configuration));

        assertThat(back).isEqualTo(configuration);
        assertThat(back.message().orElseThrow().render(ana(back)))
                .isEqualTo(new RenderResult.Rendered(
                        List.of("Ana", "$1,500.50", "15 de diciembre de 2026 5:x ~"), Optional.empty()));
        for (ValueFormat format : List.of(
                ValueFormat.number("es-ES", 2),
                ValueFormat.number("pt-BR", 0, 3),
                ValueFormat.currency("pt-BR", "BRL"))) {
            CampaignConfiguration numbered = old.toBuilder()
                    .message(old.message()
                            .orElseThrow()
                            .withBindings(List.of(
                                    Binding.contactName(),
                                    Binding.customField("MONTO", format),
                                    Binding.customField("VENCE"))))
                    .build();
            assertThat(CampaignCodec.decodeConfiguration(CampaignCodec.encodeConfiguration(numbered)))
                    .isEqualTo(numbered);
        }
    }

    @Test
    void aStoredFormatThatNoLongerReadsIsRefusedNamingIt() {
        String unknownLocale = OLD_ROW.replace("1:F5:MONTO", "1:G5:MONTO14:number:xx-YY:2");

        assertThatThrownBy(() -> CampaignCodec.decodeConfiguration(unknownLocale))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("number:xx-YY:2");
    }

    private static Contact ana(CampaignConfiguration configuration) {
        return Contact.builder(PhoneNumber.parse("+525512345678"))
                .name("Ana")
                .build()
                .withCustomData(configuration.schema().parse(Map.of("MONTO", "1500.5", "VENCE", "2026-12-15")));
    }
}
