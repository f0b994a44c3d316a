package io.campaignkit.testkit.desk;

import static io.campaignkit.testkit.desk.DeskFixture.ADMIN;
import static io.campaignkit.testkit.desk.DeskFixture.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.desk.Actor;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.Author;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capability 1 and 11: the bot hands off, the desk holds the conversation and keeps its transcript. */
class DeskHandoffScenarioTest {

    @Test
    void aHandedOffConversationGoesWaitingWithAgentClosed() {
        DeskFixture f = new DeskFixture().configured(DeskFixture.settings(AssignmentMethod.SMART));
        DeskConversation waiting = f.handOff(1);
        assertThat(waiting.state()).isEqualTo(DeskState.WAITING);
        assertThat(f.desk.isWithDesk(DeskFixture.phone(1))).isTrue();

        f.clock.advance(Duration.ofMinutes(2));
        f.agent("ana", 2, AgentStatus.ONLINE);
        DeskConversation assigned = f.get(waiting.id());
        assertThat(assigned.state()).isEqualTo(DeskState.WITH_AGENT);
        assertThat(assigned.agentId()).contains("ana");
        assertThat(assigned.firstAssignedAt()).contains(f.clock.instant());

        f.desk.send(Actor.agent("ana"), waiting.id(), new AgentMessage.Text("Hola, soy Ana"));
        DeskConversation closed = f.desk.close(Actor.agent("ana"), waiting.id(), "PAGO_PROMETIDO");
        assertThat(closed.state()).isEqualTo(DeskState.CLOSED);
        assertThat(closed.disposition()).contains("PAGO_PROMETIDO");
        assertThat(closed.closedBy()).contains("ana");
        assertThat(f.desk.isWithDesk(DeskFixture.phone(1))).isFalse();
        assertThat(f.channel.sent).containsExactly(waiting.id() + ":Hola, soy Ana");
        assertThat(f.channel.closed).containsExactly(waiting.id());
    }

    @Test
    void inboundMessagesWhileWaitingOrWithAnAgentGoToTheDeskOnceAndAfterTheCloseBackToTheBot() {
        DeskFixture f = new DeskFixture().configured(DeskFixture.settings(AssignmentMethod.SMART));
        DeskConversation conversation = f.handOff(1);
        assertThat(f.desk.onInbound(conversation.id(), "wamid.1", "¿hay alguien?", f.clock.instant()))
                .isTrue();
        assertThat(f.desk.onInbound(conversation.id(), "wamid.1", "¿hay alguien?", f.clock.instant()))
                .as("a redelivered webhook")
                .isTrue();
        f.agent("ana", 1, AgentStatus.ONLINE);
        assertThat(f.desk.onInbound(conversation.id(), "wamid.2", "hola", f.clock.instant()))
                .isTrue();
        f.desk.close(Actor.agent("ana"), conversation.id(), "NO_INTERESADO");
        assertThat(f.desk.onInbound(conversation.id(), "wamid.3", "gracias", f.clock.instant()))
                .isFalse();
        assertThat(f.desk.onInbound("never-handed-off", "wamid.4", "hola", f.clock.instant()))
                .isFalse();

        List<TranscriptEntry> contact = f.desk.transcript(ADMIN, conversation.id()).stream()
                .filter(entry -> entry.author() == Author.CONTACT)
                .toList();
        assertThat(contact).extracting(TranscriptEntry::text).containsExactly("¿hay alguien?", "hola");
    }

    @Test
    void theBotsNoteAndFieldsTravelWithTheHandoffCheckedAgainstTheirTypes() {
        DeskFixture f = new DeskFixture()
                .configured(DeskFixture.settings(AssignmentMethod.SMART)
                        .withFields(List.of(
                                FieldDefinition.number("MONTO", true), FieldDefinition.date("FECHA_PAGO", false))));
        DeskConversation conversation = f.desk.handOff(
                new Handoff("conv-1", CAMPAIGN, DeskFixture.phone(1), "promesa de pago", Map.of("MONTO", " 1500.50 ")));
        assertThat(conversation.fields()).containsEntry("MONTO", "1500.50");
        assertThat(conversation.note()).isEqualTo("promesa de pago");
        assertThatThrownBy(() -> f.desk.handOff(
                        new Handoff("conv-2", CAMPAIGN, DeskFixture.phone(2), "", Map.of("MONTO", "mil"))))
                .hasMessageContaining("MONTO")
                .hasMessageContaining("number");
        assertThat(f.desk.find("conv-2")).isEmpty();
    }

    @Test
    void aConversationIsHandedOffOnceAndOnlyForAConfiguredCampaign() {
        DeskFixture f = new DeskFixture().configured(DeskFixture.settings(AssignmentMethod.SMART));
        f.desk.handOff(new Handoff("conv-1", CAMPAIGN, DeskFixture.phone(1), "", Map.of()));
        assertThatThrownBy(() -> f.desk.handOff(new Handoff("conv-1", CAMPAIGN, DeskFixture.phone(1), "", Map.of())))
                .isInstanceOfSatisfying(
                        DeskRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(DeskRefusedException.ILLEGAL_STATE));
        assertThatThrownBy(() -> f.desk.handOff(new Handoff(
                        "conv-9",
                        io.campaignkit.core.campaign.CampaignId.of("otra"),
                        DeskFixture.phone(1),
                        "",
                        Map.of())))
                .isInstanceOfSatisfying(
                        DeskRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(DeskRefusedException.NOT_FOUND));
    }

    @Test
    void theTranscriptKeepsEveryMessageInAndOutWithItsTime() {
        DeskFixture f = new DeskFixture().configured(DeskFixture.settings(AssignmentMethod.SMART));
        f.agent("ana", 1, AgentStatus.ONLINE);
        DeskConversation conversation = f.handOff(1);
        f.clock.advance(Duration.ofSeconds(30));
        f.desk.onInbound(conversation.id(), "m1", "hola", f.clock.instant());
        f.clock.advance(Duration.ofSeconds(30));
        f.desk.send(Actor.agent("ana"), conversation.id(), new AgentMessage.Text("¿En qué te ayudo?"));
        List<TranscriptEntry> transcript = f.desk.transcript(ADMIN, conversation.id());
        assertThat(transcript)
                .extracting(TranscriptEntry::author)
                .containsExactly(Author.SYSTEM, Author.SYSTEM, Author.CONTACT, Author.AGENT);
        assertThat(transcript.get(3).at()).isEqualTo(f.clock.instant());
        assertThat(transcript.get(3).authorId()).contains("ana");
    }
}
