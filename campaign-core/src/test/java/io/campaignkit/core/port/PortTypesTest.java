package io.campaignkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortTypesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final CampaignId ID = CampaignId.of("c-1");
    private static final Contact ANA =
            Contact.builder(PhoneNumber.parse("+525512345678")).name("Ana").build();

    @Test
    void a_lease_is_live_until_its_expiry() {
        Lease lease = new Lease("host-a:4242", NOW);

        assertThat(lease.isLiveAt(NOW.minusMillis(1))).isTrue();
        assertThat(lease.isLiveAt(NOW)).isFalse();
        assertThatThrownBy(() -> new Lease(" ", NOW))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("owner"));
    }

    @Test
    void store_errors_carry_stable_codes_and_name_the_campaign() {
        VersionConflictException conflict = new VersionConflictException(ID, 3, 5);
        assertThat(conflict.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(conflict.expectedVersion()).isEqualTo(3);
        assertThat(conflict.actualVersion()).isEqualTo(5);
        assertThat(conflict.getMessage()).contains("c-1", "version 3", "version 5", "reload");
        assertThat(new CampaignNotFoundException(ID).code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(new DuplicateCampaignException(ID).getMessage()).contains("c-1");
        assertThat(new DuplicateCampaignException(ID).code()).isEqualTo("CAMPAIGN_EXISTS");
        assertThatThrownBy(() -> new VersionConflictException(null, 1, 2))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("campaignId"));
    }

    @Test
    void an_inbound_message_has_text_media_or_both() {
        ReceivedMessage text = ReceivedMessage.text("wamid.1", "Sí, pago hoy", NOW);
        assertThat(text.text()).contains("Sí, pago hoy");
        assertThat(text.queued()).isFalse();
        ReceivedMessage photo =
                new ReceivedMessage("wamid.2", Optional.empty(), List.of(URI.create("https://x/y.jpg")), NOW, true);
        assertThat(photo.media()).hasSize(1);

        assertThatThrownBy(() -> new ReceivedMessage("wamid.3", Optional.empty(), List.of(), NOW, false))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("text, media"));
        assertThatThrownBy(() -> ReceivedMessage.text("", "x", NOW))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("messageId"));
    }

    @Test
    void a_conversation_context_gives_the_bot_the_contact_and_its_custom_data() {
        ConversationContext context = new ConversationContext(
                "conv-1", ID, CampaignKind.LIVE, "cobranza-v2", SenderKey.of("whatsapp-cloud", "1098"), ANA);

        assertThat(context.customData()).isEqualTo(ANA.customData());
        assertThatThrownBy(() -> new ConversationContext("conv-1", ID, CampaignKind.LIVE, "cobranza-v2", null, ANA))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("channel"));
    }

    @Test
    void a_registry_finds_bot_flows_by_id_from_a_copy_of_the_map() {
        List<String> replies = new ArrayList<>();
        BotFlow echo =
                (context, message, reply) -> reply.sendText(message.text().orElse(""));
        Map<String, BotFlow> flows = new HashMap<>(Map.of("echo", echo));
        BotFlowRegistry registry = BotFlowRegistry.of(flows);
        flows.clear();

        assertThat(registry.find("echo")).containsSame(echo);
        assertThat(registry.find("other")).isEmpty();
        assertThatThrownBy(() -> registry.find(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("botFlowId"));

        registry.find("echo")
                .get()
                .onInboundMessage(
                        new ConversationContext(
                                "conv-1", ID, CampaignKind.TEST, "echo", SenderKey.of("sms", "+1555"), ANA),
                        ReceivedMessage.text("m1", "hola", NOW),
                        new BotReply() {
                            @Override
                            public void sendText(String text) {
                                replies.add(text);
                            }

                            @Override
                            public void reportStep(String step) {}

                            @Override
                            public void close() {}
                        });
        assertThat(replies).containsExactly("hola");
    }

    @Test
    void a_lifecycle_event_describes_an_accepted_action() {
        Campaign draft = Campaign.create(ID, "acme", "p", CampaignKind.LIVE, CampaignConfiguration.empty(), NOW);
        Campaign renamed = draft.edit(c -> c.name("Junio"), NOW.plusSeconds(5));

        CampaignLifecycleEvent event = CampaignLifecycleEvent.of(CampaignAction.EDIT, draft, renamed);

        assertThat(event.campaignId()).isEqualTo(ID);
        assertThat(event.from()).isEqualTo(CampaignState.DRAFT);
        assertThat(event.to()).isEqualTo(CampaignState.DRAFT);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.at()).isEqualTo(NOW.plusSeconds(5));
        Campaign other = Campaign.create(
                CampaignId.of("c-2"), "acme", "p", CampaignKind.LIVE, CampaignConfiguration.empty(), NOW);
        assertThatThrownBy(() -> CampaignLifecycleEvent.of(CampaignAction.EDIT, draft, other))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("after"));
    }

    @Test
    void a_recipient_event_has_a_code_exactly_when_it_failed_or_was_skipped() {
        PhoneNumber phone = ANA.phone();
        assertThat(new RecipientEvent(
                                ID,
                                phone,
                                RecipientEvent.Type.SKIPPED,
                                Optional.of("UNRESOLVED_BINDING"),
                                Optional.of("no MONTO"),
                                NOW)
                        .code())
                .contains("UNRESOLVED_BINDING");
        assertThatThrownBy(() -> new RecipientEvent(
                        ID, phone, RecipientEvent.Type.FAILED, Optional.empty(), Optional.empty(), NOW))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("needs a code"));
        assertThatThrownBy(() -> new RecipientEvent(
                        ID, phone, RecipientEvent.Type.SENT, Optional.of("X"), Optional.empty(), NOW))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("has no code"));
    }
}
