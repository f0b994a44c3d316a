package io.campaignkit.core.campaign;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;

/** Complete, valid configurations and the pieces that make them, for the campaign tests. */
final class CampaignFixtures {

    static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    static final CampaignId ID = CampaignId.of("cobranza-junio");

    static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("MONTO", FieldType.NUMBER)
            .optional("FECHA", FieldType.DATE)
            .build();

    static final TemplateMessage MESSAGE = TemplateMessage.of(
            ChannelTemplate.of("pago_pendiente", "es_MX", "Hola {{1}}, tu saldo es {{2}}"),
            Binding.contactName("cliente"),
            Binding.customField("MONTO"));

    private CampaignFixtures() {}

    static CampaignConfiguration liveConfiguration() {
        return CampaignConfiguration.custom()
                .name("Cobranza junio")
                .botFlowId("cobranza-v2")
                .channel("whatsapp-cloud", "109876543210")
                .message(MESSAGE)
                .audience(AudienceReference.importedList("junio.xlsx"))
                .schema(SCHEMA)
                .build();
    }

    static CampaignConfiguration testConfiguration() {
        return liveConfiguration().toBuilder()
                .schema(CustomDataSchema.empty())
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.testNumbers(PhoneNumber.parse("+525512345678")))
                .build();
    }

    static Campaign ready() {
        return Campaign.create(ID, "acme", "cobranza", CampaignKind.LIVE, liveConfiguration(), T0);
    }

    static Campaign draft() {
        return Campaign.create(ID, "acme", "cobranza", CampaignKind.LIVE, CampaignConfiguration.empty(), T0);
    }

    static Campaign active() {
        return ready().launch(T0.plusSeconds(60));
    }

    static Campaign finished() {
        return active().finish(FinishReason.BY_USER, T0.plusSeconds(3600));
    }
}
