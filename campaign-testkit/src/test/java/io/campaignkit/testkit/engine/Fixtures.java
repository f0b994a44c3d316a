package io.campaignkit.testkit.engine;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Contacts and configurations shared by the engine tests. */
final class Fixtures {

    static final String BOT = "bot-1";
    static final ActiveHours ALWAYS = ActiveHours.alwaysOpen(ZoneOffset.UTC);
    static final TemplateMessage HELLO =
            TemplateMessage.of(ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente"));

    private Fixtures() {}

    static String phone(int i) {
        return String.format("+5255%08d", 10_000_000 + i);
    }

    static Contact contact(int i) {
        return Contact.builder(PhoneNumber.parse(phone(i)))
                .name("Contact " + i)
                .tag("all")
                .build();
    }

    static List<Contact> contacts(int from, int count) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            contacts.add(contact(i));
        }
        return contacts;
    }

    /** A complete configuration: imported list, always open, the given pace. */
    static Consumer<CampaignConfiguration.Builder> basic(Pace pace) {
        return config -> config.name("Campaign")
                .botFlowId(BOT)
                .message(HELLO)
                .audience(AudienceReference.importedList("list-1"))
                .activeHours(ALWAYS)
                .deliveryPlan(DeliveryPlan.custom().pace(pace).build());
    }

    static Consumer<CampaignConfiguration.Builder> basic() {
        return basic(Pace.DEFAULT);
    }

    static CustomDataSchema amountSchema() {
        return CustomDataSchema.custom().required("MONTO", FieldType.NUMBER).build();
    }

    static Contact withAmount(Contact contact, String amount) {
        return contact.withCustomData(amountSchema().parse(Map.of("MONTO", amount)));
    }

    /** A registry that knows {@link #BOT} (a bot that answers nothing), for engines built by hand. */
    static BotFlowRegistry bots() {
        return BotFlowRegistry.of(Map.of(BOT, new RecordingBot()));
    }

    /** A scenario builder whose registry knows {@link #BOT}: a campaign naming an unknown bot is not launched. */
    static CampaignScenario.Builder scenario() {
        return CampaignScenario.custom().bot(BOT, new RecordingBot());
    }

    static CustomData noData() {
        return CustomData.empty();
    }
}
