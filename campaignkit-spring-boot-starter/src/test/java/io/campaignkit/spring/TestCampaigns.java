package io.campaignkit.spring;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.ZoneOffset;
import java.util.List;

/** One-message campaigns for the starter's tests. */
final class TestCampaigns {

    static final String BOT = "testBot";

    private TestCampaigns() {}

    static CampaignId launch(CampaignEngine engine, String id, String channelId, String... phones) {
        CampaignId campaign = CampaignId.of(id);
        // the starter gives the engine its project store: a campaign goes into an existing project
        if (engine.projects().find("t", "p").isEmpty()) {
            engine.projects().create("t", "p", "Tests");
        }
        engine.create(
                campaign,
                "t",
                "p",
                CampaignKind.LIVE,
                CampaignConfiguration.custom()
                        .name(id)
                        .botFlowId(BOT)
                        .channel(channelId, "sender-1")
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                        .audience(AudienceReference.importedList("list"))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                        .build());
        List<Contact> contacts = java.util.Arrays.stream(phones)
                .map(phone ->
                        Contact.builder(PhoneNumber.parse(phone)).name("Ana").build())
                .toList();
        engine.launch(campaign, LaunchRequest.importedContacts(contacts));
        return campaign;
    }
}
