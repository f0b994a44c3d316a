package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.channel.simulated.SimulatedChannelConfiguration;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.EngineDeskBridge;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.testkit.desk.InMemoryDeskStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Agents' media and voice notes go through the engine as the channel's media messages, under the campaign's
 * policies; their templates as the channel's templates, outside the customer-service window too.
 */
class DeskMediaEngineScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Actor ANA = Actor.agent("ana");
    private static final URI RECEIPT = URI.create("https://cdn.example.com/recibos/recibo-1500.jpg");
    private static final URI VOICE = URI.create("https://cdn.example.com/notas/ana-1.ogg");

    private final EngineDeskBridge bridge = new EngineDeskBridge();
    private final BotFlow bot =
            (context, message, reply) -> bridge.handOff(context, reply, "pidió un asesor", Map.of());
    private final InMemoryDeskStore store = new InMemoryDeskStore();
    private CampaignScenario scenario;
    private ConversationDesk desk;

    private DeskConversation handedOff(Optional<ChannelCapabilities> capabilities, ConversationPolicies policies) {
        CampaignScenario.Builder builder = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, bridge.wrap(bot))
                .conversationIdleTimeout(Duration.ofDays(3));
        capabilities.ifPresent(builder::capabilities);
        scenario = builder.build();
        desk = ConversationDesk.builder()
                .storage(store.storage())
                .channel(bridge)
                .clock(scenario.clock())
                .build();
        bridge.attach(desk);
        boolean templates = capabilities.map(ChannelCapabilities::templates).orElse(true);
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                templates
                        ? Fixtures.basic()
                        : Fixtures.basic()
                                .andThen(config -> config.message(TemplateMessage.of(
                                        InlineTemplate.of("Hola {{1}}"), Binding.contactName("cliente")))));
        Actor admin = Actor.administrator("admin");
        desk.configure(
                admin,
                DeskSettings.of(
                                id,
                                "cobranza",
                                AssignmentMethod.SMART,
                                new Dispositions("SIN_RESPUESTA", "TRANSFERIDA", "MASIVA", List.of("PAGO_PROMETIDO")))
                        .withPolicies(policies));
        desk.registerAgent(
                admin, Agent.of("ana", 2, Set.of("cobranza"), scenario.clock().instant()));
        desk.changeStatus(ANA, "ana", AgentStatus.ONLINE);
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.inbound(Fixtures.phone(0), "quiero pagar");
        scenario.runFor(Duration.ofSeconds(5));
        return store.findConversations(DeskQuery.all().phone(PhoneNumber.parse(Fixtures.phone(0))))
                .get(0);
    }

    private List<MediaContent> mediaTo(String phone) {
        return scenario.channel().sendsTo(phone).stream()
                .map(RecordedSend::message)
                .filter(message -> message.content() instanceof MediaContent)
                .map(message -> (MediaContent) message.content())
                .toList();
    }

    @Test
    void anAgentsImageAndVoiceNoteReachTheContactAsMediaMessages() {
        DeskConversation handed = handedOff(Optional.empty(), ConversationPolicies.PERMISSIVE);
        desk.send(ANA, handed.id(), new AgentMessage.Media(RECEIPT, Optional.of("Tu recibo")));
        desk.send(
                ANA,
                handed.id(),
                new AgentMessage.Media(
                        MediaKind.DOCUMENT,
                        URI.create("https://cdn.example.com/c/contrato"),
                        Optional.empty(),
                        Optional.of("contrato.pdf")));
        desk.send(ANA, handed.id(), new AgentMessage.VoiceNote(VOICE));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(mediaTo(Fixtures.phone(0)))
                .containsExactly(
                        new MediaContent(MediaKind.IMAGE, RECEIPT, Optional.of("Tu recibo"), Optional.empty()),
                        new MediaContent(
                                MediaKind.DOCUMENT,
                                URI.create("https://cdn.example.com/c/contrato"),
                                Optional.empty(),
                                Optional.of("contrato.pdf")),
                        MediaContent.voiceNoteAt(VOICE));
        assertThat(store.transcript(handed.id(), Instant.EPOCH).stream().map(TranscriptEntry::kind))
                .containsSubsequence("MEDIA", "MEDIA", "VOICE_NOTE");
    }

    @Test
    void thePoliciesStillRefuseMediaAndVoiceNotesAndNothingIsSent() {
        DeskConversation handed = handedOff(
                Optional.empty(),
                ConversationPolicies.PERMISSIVE.withMedia(false).withVoiceNotes(false));
        assertThatThrownBy(() -> desk.send(ANA, handed.id(), new AgentMessage.Media(RECEIPT, Optional.empty())))
                .isInstanceOfSatisfying(
                        DeskRefusedException.class,
                        refused -> assertThat(refused.policy()).contains(ConversationPolicies.MEDIA));
        assertThatThrownBy(() -> desk.send(ANA, handed.id(), new AgentMessage.VoiceNote(VOICE)))
                .isInstanceOfSatisfying(
                        DeskRefusedException.class,
                        refused -> assertThat(refused.policy()).contains(ConversationPolicies.VOICE_NOTES));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(mediaTo(Fixtures.phone(0))).isEmpty();
    }

    @Test
    void aChannelWithoutMediaMessagesRefusesThemClearlyAndTheTranscriptKeepsNothing() {
        ChannelCapabilities textOnly = ChannelCapabilities.custom()
                .templates(true)
                .freeFormText(true)
                .maxMessagesPerSecond(80)
                .customerServiceWindow(Duration.ofHours(24))
                .maxBodyLength(4096)
                .build();
        DeskConversation handed = handedOff(Optional.of(textOnly), ConversationPolicies.PERMISSIVE);
        int before = store.transcript(handed.id(), Instant.EPOCH).size();
        assertThatThrownBy(() -> desk.send(ANA, handed.id(), new AgentMessage.VoiceNote(VOICE)))
                .isInstanceOfSatisfying(CampaignKitException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(BotReply.CHANNEL_CANNOT_CARRY);
                    assertThat(refused.getMessage()).contains("AUDIO");
                });
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(mediaTo(Fixtures.phone(0))).isEmpty();
        assertThat(store.transcript(handed.id(), Instant.EPOCH)).hasSize(before);
        assertThat(SimulatedChannelConfiguration.DEFAULT_CAPABILITIES.mediaMessageKinds())
                .isEqualTo(MediaContent.KINDS);
    }

    private List<TemplateContent> templatesTo(String phone) {
        return scenario.channel().sendsTo(phone).stream()
                .map(RecordedSend::message)
                .filter(message -> message.content() instanceof TemplateContent)
                .map(message -> (TemplateContent) message.content())
                .toList();
    }

    /** Issue 16, item 5: outside the customer-service window the agent gets a clear error and sends a template. */
    @Test
    void afterTheWindowClosedAnAgentsTextIsRefusedAndATemplateReopensTheConversation() {
        DeskConversation handed = handedOff(Optional.empty(), ConversationPolicies.PERMISSIVE);
        int campaignTemplates = templatesTo(Fixtures.phone(0)).size();
        scenario.runFor(Duration.ofHours(25));

        assertThatThrownBy(() -> desk.send(ANA, handed.id(), new AgentMessage.Text("¿sigues ahí?")))
                .isInstanceOfSatisfying(
                        CampaignKitException.class,
                        refused -> assertThat(refused.code())
                                .isEqualTo(ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED));
        desk.send(ANA, handed.id(), new AgentMessage.Template("seguimiento", "es_MX", List.of("Ana", "1,500.50")));
        scenario.runFor(Duration.ofSeconds(5));

        List<TemplateContent> templates = templatesTo(Fixtures.phone(0));
        assertThat(templates).hasSize(campaignTemplates + 1);
        assertThat(templates.get(templates.size() - 1))
                .isEqualTo(TemplateContent.of("seguimiento", "es_MX", List.of("Ana", "1,500.50")));
        assertThat(store.transcript(handed.id(), Instant.EPOCH))
                .extracting(TranscriptEntry::kind)
                .endsWith("TEMPLATE");

        // the contact answers the template: the window is open again and the agent writes freely
        scenario.inbound(Fixtures.phone(0), "sí, aquí estoy");
        scenario.runFor(Duration.ofSeconds(5));
        desk.send(ANA, handed.id(), new AgentMessage.Text("Gracias, Ana"));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(0)))
                .extracting(send -> send.message().content())
                .last()
                .isEqualTo(TextContent.of("Gracias, Ana"));
    }

    @Test
    void aChannelWithoutTemplatesRefusesAnAgentsTemplateClearly() {
        ChannelCapabilities noTemplates = ChannelCapabilities.custom()
                .templates(false)
                .freeFormText(true)
                .maxMessagesPerSecond(80)
                .maxBodyLength(1600)
                .build();
        DeskConversation handed = handedOff(Optional.of(noTemplates), ConversationPolicies.PERMISSIVE);
        int before = store.transcript(handed.id(), Instant.EPOCH).size();
        assertThatThrownBy(() ->
                        desk.send(ANA, handed.id(), new AgentMessage.Template("recordatorio", "es_MX", List.of())))
                .isInstanceOfSatisfying(CampaignKitException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(BotReply.CHANNEL_CANNOT_CARRY);
                    assertThat(refused.getMessage()).contains("recordatorio");
                });
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(templatesTo(Fixtures.phone(0))).isEmpty();
        assertThat(store.transcript(handed.id(), Instant.EPOCH)).hasSize(before);
    }
}
