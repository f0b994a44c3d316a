package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.engine.ReplyWindowClosedException;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.Role;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Capabilities 5, 6, 8 and 12: agents' actions, dispositions, dynamic fields and roles; every refusal changes nothing. */
class DeskAgentActionsScenarioTest {

    private static final Actor ANA = Actor.agent("ana");
    private static final Actor BETO = Actor.agent("beto");

    private static DeskFixture twoAgents(ConversationPolicies policies) {
        return new DeskFixture()
                .configured(DeskFixture.settings(AssignmentMethod.ROUND_ROBIN).withPolicies(policies))
                .agent("ana", 2, AgentStatus.ONLINE)
                .agent("beto", 2, AgentStatus.ONLINE);
    }

    /** Runs a refused action: it throws {@code code} and nothing the desk keeps changed. */
    private static DeskRefusedException refused(DeskFixture f, String code, ThrowingCallable action) {
        List<Object> before = f.snapshot();
        int sent = f.channel.sent.size();
        DeskRefusedException[] thrown = new DeskRefusedException[1];
        assertThatThrownBy(action).isInstanceOfSatisfying(DeskRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            thrown[0] = e;
        });
        assertThat(f.snapshot()).as("a refused action changes nothing").isEqualTo(before);
        assertThat(f.channel.sent).hasSize(sent);
        return thrown[0];
    }

    @Nested
    class Sending {

        @Test
        void outsideTheCustomerServiceWindowTextIsRefusedClearlyAndATemplateGoes() {
            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE);
            DeskConversation conversation = f.handOff(1);
            f.channel.windowClosed = true;
            List<Object> before = f.snapshot();
            assertThatThrownBy(() -> f.desk.send(ANA, conversation.id(), new AgentMessage.Text("hola")))
                    .isInstanceOfSatisfying(
                            ReplyWindowClosedException.class,
                            e -> assertThat(e.code())
                                    .isEqualTo(ReplyWindowClosedException.CUSTOMER_SERVICE_WINDOW_CLOSED));
            assertThat(f.snapshot()).isEqualTo(before);
            f.desk.send(ANA, conversation.id(), new AgentMessage.Template("recordatorio", "es_MX", List.of("Ana")));
            assertThat(f.channel.sent).containsExactly(conversation.id() + ":recordatorio [Ana]");
            assertThat(f.get(conversation.id()).firstResponseAt()).isPresent();
        }

        @Test
        void mediaVoiceNotesAndEmojiAreRefusedNamingTheirPolicy() {
            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE
                    .withMedia(false)
                    .withVoiceNotes(false)
                    .withEmoji(false));
            DeskConversation conversation = f.handOff(1);
            String id = conversation.id();
            assertThat(refused(
                                    f,
                                    DeskRefusedException.POLICY,
                                    () -> f.desk.send(
                                            ANA,
                                            id,
                                            new AgentMessage.Media(
                                                    java.net.URI.create("https://x/recibo.pdf"), Optional.empty())))
                            .policy())
                    .contains(ConversationPolicies.MEDIA);
            assertThat(refused(
                                    f,
                                    DeskRefusedException.POLICY,
                                    () -> f.desk.send(
                                            ANA,
                                            id,
                                            new AgentMessage.VoiceNote(java.net.URI.create("https://x/nota.ogg"))))
                            .policy())
                    .contains(ConversationPolicies.VOICE_NOTES);
            assertThat(refused(
                                    f,
                                    DeskRefusedException.POLICY,
                                    () -> f.desk.send(ANA, id, new AgentMessage.Text("Listo 👍")))
                            .policy())
                    .contains(ConversationPolicies.EMOJI);
            f.desk.send(ANA, id, new AgentMessage.Text("Listo, gracias"));
            assertThat(f.channel.sent).hasSize(1);
        }

        @Test
        void anAgentSpeaksOnlyInItsOwnConversations() {
            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE);
            DeskConversation anas = f.handOff(1);
            refused(
                    f,
                    DeskRefusedException.NOT_ASSIGNED,
                    () -> f.desk.send(BETO, anas.id(), new AgentMessage.Text("hola")));
            refused(f, DeskRefusedException.NOT_ASSIGNED, () -> f.desk.close(BETO, anas.id(), "NO_INTERESADO"));
        }
    }

    @Nested
    class Transfers {

        @Test
        void aTransferMovesTheConversationWithTheTransferDisposition() {
            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE);
            DeskConversation conversation = f.handOff(1);
            DeskConversation moved = f.desk.transfer(ANA, conversation.id(), "beto");
            assertThat(moved.agentId()).contains("beto");
            assertThat(moved.disposition()).contains("TRANSFERIDA");
        }

        @Test
        void aTransferIsRefusedByPolicyAndToAnAgentNotOnlineOrFull() {
            DeskFixture off = twoAgents(ConversationPolicies.PERMISSIVE.withTransfer(false));
            DeskConversation c = off.handOff(1);
            assertThat(refused(off, DeskRefusedException.POLICY, () -> off.desk.transfer(ANA, c.id(), "beto"))
                            .policy())
                    .contains(ConversationPolicies.TRANSFER);

            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE);
            DeskConversation first = f.handOff(1);
            f.handOff(2);
            f.handOff(3);
            f.handOff(4); // beto has 2 of 2
            refused(f, DeskRefusedException.AGENT_UNAVAILABLE, () -> f.desk.transfer(ANA, first.id(), "beto"));
            f.desk.changeStatus(BETO, "beto", AgentStatus.AWAY);
            refused(f, DeskRefusedException.AGENT_UNAVAILABLE, () -> f.desk.transfer(ANA, first.id(), "beto"));
        }

        @Test
        void aMassTransferNeedsASupervisorAndMovesEverythingToAnAgentOrTheQueue() {
            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE);
            f.agent("carla", 1, AgentStatus.OFFLINE);
            DeskConversation first = f.handOff(1);
            f.handOff(2);
            DeskConversation third = f.handOff(3); // ana: 1 and 3
            DeskRefusedException e =
                    refused(f, DeskRefusedException.ROLE, () -> f.desk.massTransfer(ANA, "ana", Optional.of("beto")));
            assertThat(e.missingRole()).contains(Role.SUPERVISOR);
            assertThat(e.getMessage()).contains("SUPERVISOR");
            refused(
                    f,
                    DeskRefusedException.AGENT_UNAVAILABLE,
                    () -> f.desk.massTransfer(DeskFixture.SUPERVISOR, "ana", Optional.of("carla")));

            f.desk.changeStatus(Actor.agent("carla"), "carla", AgentStatus.ONLINE);
            assertThat(f.desk.massTransfer(DeskFixture.SUPERVISOR, "ana", Optional.of("carla")))
                    .isEqualTo(2);
            assertThat(f.get(first.id()).agentId()).contains("carla");
            assertThat(f.get(first.id()).disposition()).contains("REASIGNACION_MASIVA");
            assertThat(f.get(third.id()).agentId())
                    .as("carla is full: it went back to the queue and round robin gave it to beto, whose turn it was")
                    .contains("beto");
            assertThat(f.get(third.id()).disposition()).contains("REASIGNACION_MASIVA");
        }
    }

    @Nested
    class Closing {

        @Test
        void aCloseNeedsOneOfTheCampaignsDispositionsAndEveryRequiredField() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withFields(List.of(
                                    FieldDefinition.number("MONTO", true),
                                    FieldDefinition.option("CANAL", true, List.of("TIENDA", "APP")),
                                    FieldDefinition.text("COMENTARIO", false))))
                    .agent("ana", 2, AgentStatus.ONLINE);
            DeskConversation c = f.handOff(1);
            refused(f, DeskRefusedException.UNKNOWN_DISPOSITION, () -> f.desk.close(ANA, c.id(), "INVENTADA"));
            assertThat(refused(
                                    f,
                                    DeskRefusedException.REQUIRED_FIELDS,
                                    () -> f.desk.close(ANA, c.id(), "PAGO_PROMETIDO"))
                            .missingFields())
                    .containsExactly("MONTO", "CANAL");
            assertThatThrownBy(() -> f.desk.setField(ANA, c.id(), "CANAL", "CORREO"))
                    .hasMessageContaining("CANAL")
                    .hasMessageContaining("[TIENDA, APP]");
            f.desk.setField(ANA, c.id(), "MONTO", "1500");
            f.desk.setField(ANA, c.id(), "CANAL", "APP");
            DeskConversation closed = f.desk.close(ANA, c.id(), "PAGO_PROMETIDO");
            assertThat(closed.fields()).containsEntry("MONTO", "1500").containsEntry("CANAL", "APP");
            refused(f, DeskRefusedException.ILLEGAL_STATE, () -> f.desk.close(ANA, c.id(), "PAGO_PROMETIDO"));
        }

        @Test
        void closingWithoutAnswerIsRefusedByItsPolicy() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withPolicies(ConversationPolicies.PERMISSIVE.withCloseWithoutAnswer(false)))
                    .agent("ana", 2, AgentStatus.ONLINE);
            DeskConversation c = f.handOff(1);
            assertThat(refused(f, DeskRefusedException.POLICY, () -> f.desk.close(ANA, c.id(), "NO_INTERESADO"))
                            .policy())
                    .contains(ConversationPolicies.CLOSE_WITHOUT_ANSWER);
            f.desk.send(ANA, c.id(), new AgentMessage.Text("hola"));
            assertThat(f.desk.close(ANA, c.id(), "NO_INTERESADO").state()).isEqualTo(DeskState.CLOSED);
        }
    }

    @Nested
    class Roles {

        @Test
        void configuringTheDeskAndRegisteringAgentsNeedAnAdministrator() {
            DeskFixture f = new DeskFixture();
            assertThatThrownBy(() ->
                            f.desk.configure(DeskFixture.SUPERVISOR, DeskFixture.settings(AssignmentMethod.SMART)))
                    .isInstanceOfSatisfying(
                            DeskRefusedException.class,
                            e -> assertThat(e.missingRole()).contains(Role.ADMINISTRATOR));
            assertThatThrownBy(() -> f.desk.handOff(new io.campaignkit.desk.Handoff(
                            "x", DeskFixture.CAMPAIGN, DeskFixture.phone(1), "", java.util.Map.of())))
                    .as("nothing was configured")
                    .isInstanceOf(DeskRefusedException.class);
            assertThatThrownBy(() -> f.desk.registerAgent(
                            ANA, io.campaignkit.desk.Agent.of("ana", 1, java.util.Set.of("q"), f.clock.instant())))
                    .isInstanceOfSatisfying(
                            DeskRefusedException.class,
                            e -> assertThat(e.getMessage()).contains("ADMINISTRATOR"));
            assertThat(f.store.agents()).isEmpty();
        }

        @Test
        void campaignOperationsOfTheHostAreCheckedByRole() {
            assertThatThrownBy(() -> io.campaignkit.desk.ConversationDesk.requireRole(
                            DeskFixture.SUPERVISOR, Role.ADMINISTRATOR, "launching a campaign"))
                    .hasMessageContaining("launching a campaign")
                    .hasMessageContaining("ADMINISTRATOR");
            io.campaignkit.desk.ConversationDesk.requireRole(
                    DeskFixture.ADMIN, Role.ADMINISTRATOR, "launching a campaign");
        }

        @Test
        void anAgentChangesOnlyItsOwnStatus() {
            DeskFixture f = twoAgents(ConversationPolicies.PERMISSIVE);
            refused(f, DeskRefusedException.ROLE, () -> f.desk.changeStatus(ANA, "beto", AgentStatus.OFFLINE));
        }
    }
}
