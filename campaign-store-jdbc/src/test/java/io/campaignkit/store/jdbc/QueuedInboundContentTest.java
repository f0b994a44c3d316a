package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5: a message queued outside a campaign's hours comes back with its typed content (V6),
 * so the bot gets a location, a tapped button or a photo kept under a provider id when the hours open;
 * a row queued before V6 (no content) comes back as its text and media.
 */
class QueuedInboundContentTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final PhoneNumber ANA = PhoneNumber.parse("+525512345678");

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyKindOfContentComesBackAsItWasQueued() {
        Campaign campaign = campaign();
        Conversation conversation = store.openOrContinue(campaign.id(), ANA, T0);
        List<InboundContent> contents = List.of(
                new InboundContent.Text("hola & adiós = 100%\nsegunda línea"),
                new InboundContent.Media(
                        List.of(
                                MediaReference.ofProviderId(MediaKind.IMAGE, "MEDIA1")
                                        .withMimeType("image/jpeg"),
                                MediaReference.ofUrl(
                                        MediaKind.DOCUMENT, URI.create("https://api.twilio.com/media/ME2?x=1&y=2"))),
                        Optional.of("foto"),
                        Optional.of("recibo.pdf")),
                new InboundContent.Location(19.4326, -99.1332, Optional.of("Zócalo"), Optional.empty()),
                new InboundContent.Contacts(List.of(
                        new InboundContent.SharedContact(
                                Optional.of("Barbara J. Johnson"), List.of("+1 (415) 555-0123", "+1 (415) 555-0124")),
                        new InboundContent.SharedContact(Optional.empty(), List.of()))),
                new InboundContent.Reaction("wamid.A", Optional.of("\u2764\ufe0f")),
                new InboundContent.Reaction("wamid.A", Optional.empty()),
                new InboundContent.ButtonReply("c42:yes", Optional.of("Sí")),
                new InboundContent.ListReply("row-2", Optional.of("Martes"), Optional.of("10 a 12")),
                new InboundContent.FlowReply("{\"flow_token\":\"T\",\"size\":\"M\"}", Optional.of("Sent")),
                new InboundContent.Unsupported("hologram_2031"));
        for (int i = 0; i < contents.size(); i++) {
            store.enqueueInbound(
                    conversation.id(),
                    campaign.id(),
                    ANA,
                    new ReceivedMessage(
                            "in-" + i,
                            contents.get(i).displayText(),
                            List.of(),
                            T0.plusSeconds(i),
                            true,
                            contents.get(i)));
        }

        List<QueuedInbound> claimed = store.claimQueued(campaign.id(), new Lease("node", T0.plusSeconds(60)), 100, T0);

        assertThat(claimed).extracting(queued -> queued.message().content()).containsExactlyElementsOf(contents);
    }

    @Test
    void aMessageOfTextAndLinksComesBackWithTheSameDerivedContent() {
        Campaign campaign = campaign();
        Conversation conversation = store.openOrContinue(campaign.id(), ANA, T0);
        ReceivedMessage message = new ReceivedMessage(
                "in-1", Optional.of("mira"), List.of(URI.create("https://x.example/a.jpg")), T0, true);

        store.enqueueInbound(conversation.id(), campaign.id(), ANA, message);

        assertThat(store.claimQueued(campaign.id(), new Lease("node", T0.plusSeconds(60)), 10, T0))
                .singleElement()
                .extracting(QueuedInbound::message)
                .isEqualTo(message);
    }

    private Campaign campaign() {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Cobranza")
                .botFlowId("bot")
                .channel("whatsapp", "PNID")
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("lista.csv"))
                .build();
        Campaign campaign = Campaign.create(CampaignId.of("c-1"), "t", "project", CampaignKind.LIVE, configuration, T0)
                .launch(T0.plusSeconds(1));
        store.insert(campaign);
        return campaign;
    }
}
