package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskHours;
import io.campaignkit.desk.DeskMetrics;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.TranscriptEntry;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Capabilities 7, 9, 10, 11 and 13: number masking, history window, survey, out-of-hours, metrics and export. */
class DeskPoliciesAndHoursScenarioTest {

    private static final Actor ANA = Actor.agent("ana");
    /** 09:00-17:00 UTC every day; the manual clock starts at 09:00. */
    private static final ActiveHours NINE_TO_FIVE = ActiveHours.builder(ZoneOffset.UTC)
            .everyDay(LocalTime.of(9, 0), LocalTime.of(17, 0))
            .build();

    @Nested
    class Masking {

        @Test
        void agentsSeeAMaskedNumberUnlessThePolicyShowsIt() {
            DeskFixture hidden = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withPolicies(ConversationPolicies.PERMISSIVE.withShowContactNumber(false)))
                    .agent("ana", 1, AgentStatus.ONLINE);
            DeskConversation c = hidden.desk.handOff(new io.campaignkit.desk.Handoff(
                    "c1",
                    DeskFixture.CAMPAIGN,
                    io.campaignkit.core.contact.PhoneNumber.parse("+525512348877"),
                    "",
                    java.util.Map.of()));
            assertThat(hidden.desk.view(ANA, c.id()).contactNumber()).isEqualTo("+52******8877");

            DeskFixture shown = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART))
                    .agent("ana", 1, AgentStatus.ONLINE);
            DeskConversation d = shown.desk.handOff(new io.campaignkit.desk.Handoff(
                    "c1",
                    DeskFixture.CAMPAIGN,
                    io.campaignkit.core.contact.PhoneNumber.parse("+525512348877"),
                    "",
                    java.util.Map.of()));
            assertThat(shown.desk.view(ANA, d.id()).contactNumber()).isEqualTo("+525512348877");
        }
    }

    @Nested
    class History {

        @Test
        void agentsSeeOnlyTheHistoryWindowCappedByTheTenantsCeiling() {
            DeskFixture f = new DeskFixture(Duration.ofHours(24))
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withPolicies(ConversationPolicies.PERMISSIVE.withHistoryHours(2))
                            .withInactivityTimeout(Duration.ofDays(3)))
                    .agent("ana", 1, AgentStatus.ONLINE);
            DeskConversation c = f.handOff(1);
            f.desk.onInbound(c.id(), "m1", "viejo", f.clock.instant());
            f.clock.advance(Duration.ofHours(3));
            f.desk.onInbound(c.id(), "m2", "nuevo", f.clock.instant());
            assertThat(f.desk.history(ANA, c.id()))
                    .extracting(TranscriptEntry::text)
                    .containsExactly("nuevo");
            assertThat(f.desk.transcript(DeskFixture.ADMIN, c.id()))
                    .extracting(TranscriptEntry::text)
                    .contains("viejo", "nuevo");
        }

        @Test
        void aWindowBeyondTheCeilingIsRefusedNamingThePolicy() {
            DeskFixture f = new DeskFixture(Duration.ofHours(24));
            assertThatThrownBy(() -> f.desk.configure(
                            DeskFixture.ADMIN,
                            DeskFixture.settings(AssignmentMethod.SMART)
                                    .withPolicies(ConversationPolicies.PERMISSIVE.withHistoryHours(48))))
                    .isInstanceOfSatisfying(
                            DeskRefusedException.class,
                            e -> assertThat(e.policy()).contains(ConversationPolicies.HISTORY));
        }
    }

    @Nested
    class OutOfHours {

        private DeskFixture withHours(OutOfHoursPolicy.Action action, boolean applyToQueued, boolean messageOn) {
            return new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withInactivityTimeout(Duration.ofDays(2))
                            .withHours(new DeskHours(
                                    NINE_TO_FIVE, action, applyToQueued, Optional.of("Volvemos a las 9"), messageOn)));
        }

        @Test
        void underQueueAHandoffOutsideHoursWaitsForTheOpening() {
            DeskFixture f =
                    withHours(OutOfHoursPolicy.Action.QUEUE, false, true).agent("ana", 1, AgentStatus.ONLINE);
            f.clock.advance(Duration.ofHours(9)); // 18:00
            DeskConversation c = f.handOff(1);
            assertThat(c.state()).isEqualTo(DeskState.WAITING);
            assertThat(f.channel.sent).containsExactly(c.id() + ":Volvemos a las 9");
            f.clock.advance(Duration.ofHours(15)); // 09:00
            f.desk.runDue();
            assertThat(f.get(c.id()).agentId()).contains("ana");
        }

        @Test
        void underCloseAHandoffOutsideHoursIsClosedAndTheMessageGoesOnlyWhenSwitchedOn() {
            DeskFixture f =
                    withHours(OutOfHoursPolicy.Action.CLOSE, false, false).agent("ana", 1, AgentStatus.ONLINE);
            f.clock.advance(Duration.ofHours(9));
            DeskConversation c = f.handOff(1);
            assertThat(c.state()).isEqualTo(DeskState.CLOSED);
            assertThat(c.disposition()).contains("SIN_RESPUESTA");
            assertThat(c.closedBy()).contains("OUT_OF_HOURS");
            assertThat(f.channel.sent)
                    .as("a text alone does not turn the message on")
                    .isEmpty();
        }

        @Test
        void applyToQueuedClosesAtTheOpeningWhatWaitedThroughTheClosedHours() {
            DeskFixture f = withHours(OutOfHoursPolicy.Action.CLOSE, true, false);
            f.clock.advance(Duration.ofHours(7)); // 16:00, open, no agent
            DeskConversation waited = f.handOff(1);
            f.clock.advance(Duration.ofHours(17)); // 09:00 next day
            f.agent("ana", 1, AgentStatus.ONLINE);
            assertThat(f.get(waited.id()).state())
                    .as("not given to ana: it waited through closed hours")
                    .isEqualTo(DeskState.WAITING);
            f.desk.runDue();
            assertThat(f.get(waited.id()).state()).isEqualTo(DeskState.CLOSED);
            assertThat(f.get(waited.id()).closedBy()).contains("OUT_OF_HOURS");
            DeskConversation fresh = f.handOff(2);
            assertThat(fresh.agentId()).as("handed off in open hours").contains("ana");
        }
    }

    @Nested
    class SurveyMetricsExport {

        @Test
        void theSurveyStartsAfterAnAgentsOrAnInactivityCloseNotAfterTheCampaignFinishes() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART).withSurvey("encuesta"))
                    .agent("ana", 3, AgentStatus.ONLINE);
            DeskConversation byAgent = f.handOff(1);
            DeskConversation idle = f.handOff(2);
            DeskConversation finished = f.handOff(3);
            f.desk.send(ANA, byAgent.id(), new AgentMessage.Text("hola"));
            f.desk.close(ANA, byAgent.id(), "PAGO_PROMETIDO");
            f.clock.advance(Duration.ofMinutes(20));
            f.desk.onInbound(finished.id(), "m1", "sigo aquí", f.clock.instant());
            f.clock.advance(Duration.ofMinutes(15));
            f.desk.runDue();
            assertThat(f.get(idle.id()).disposition()).contains("SIN_RESPUESTA");
            assertThat(f.desk.finishCampaign(DeskFixture.CAMPAIGN)).isEqualTo(1);
            assertThat(f.get(finished.id()).disposition()).contains("CAMPAIGN_FINISHED");
            assertThat(f.surveys).containsExactly(byAgent.id() + "@encuesta", idle.id() + "@encuesta");
            assertThat(f.desk.recordSurveyAnswer(byAgent.id(), "¿Cómo te atendimos?", "5")
                            .surveyAnswers())
                    .containsEntry("¿Cómo te atendimos?", "5");
        }

        @Test
        void metricsAndExportsCarryAgentDispositionFieldsAndSurveyAnswers() {
            DeskFixture f = new DeskFixture()
                    .configured(DeskFixture.settings(AssignmentMethod.SMART)
                            .withSurvey("encuesta")
                            .withFields(java.util.List.of(io.campaignkit.desk.FieldDefinition.text("NOTA", false))));
            DeskConversation c = f.handOff(1);
            f.clock.advance(Duration.ofMinutes(4));
            f.agent("ana", 3, AgentStatus.ONLINE);
            f.clock.advance(Duration.ofMinutes(1));
            f.desk.send(ANA, c.id(), new AgentMessage.Text("hola, \"cliente\""));
            f.desk.setField(ANA, c.id(), "NOTA", "paga, el lunes");
            f.clock.advance(Duration.ofMinutes(5));
            f.desk.close(ANA, c.id(), "PAGO_PROMETIDO");
            f.desk.recordSurveyAnswer(c.id(), "P1", "5");

            DeskMetrics metrics = f.desk.metrics(DeskFixture.CAMPAIGN, Optional.of("ana"));
            assertThat(metrics.averageWaiting()).contains(Duration.ofMinutes(4));
            assertThat(metrics.averageFirstResponse()).contains(Duration.ofMinutes(1));
            assertThat(metrics.averageHandle()).contains(Duration.ofMinutes(6));
            assertThat(metrics.closedByDisposition()).containsEntry("PAGO_PROMETIDO", 1L);
            assertThat(f.desk.metrics(DeskFixture.CAMPAIGN, Optional.of("beto")).conversations())
                    .isZero();

            String csv = f.desk.exportCsv(DeskFixture.ADMIN, DeskFixture.CAMPAIGN);
            assertThat(csv.split("\r\n")[0]).endsWith("closed_at,field:NOTA,survey:P1");
            assertThat(csv.split("\r\n")[1])
                    .contains(",ana,PAGO_PROMETIDO,ana,")
                    .endsWith(",\"paga, el lunes\",5");
            String json = f.desk.exportJson(DeskFixture.ADMIN, DeskFixture.CAMPAIGN);
            assertThat(json)
                    .contains(
                            "\"agent\":\"ana\"",
                            "\"disposition\":\"PAGO_PROMETIDO\"",
                            "\"fields\":{\"NOTA\":\"paga, el lunes\"}",
                            "\"surveyAnswers\":{\"P1\":\"5\"}",
                            "\"text\":\"hola, \\\"cliente\\\"\"");
            assertThatThrownBy(() -> f.desk.exportCsv(ANA, DeskFixture.CAMPAIGN))
                    .isInstanceOf(DeskRefusedException.class);
        }
    }
}
