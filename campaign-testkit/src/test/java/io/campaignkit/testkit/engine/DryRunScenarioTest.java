package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Issue 17 item 4: the dry run reports what a launch would do, sends and engages nothing, and projects the run. */
class DryRunScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void reportsTheAudienceAndEverySkipReasonWithoutSendingOrEngaging() {
        CampaignScenario scenario = Fixtures.scenario().startingAt(MONDAY_9).build();
        CampaignId other = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(other, Fixtures.contacts(0, 3)); // contacts 0-2 engaged there
        scenario.runFor(Duration.ofMinutes(1));
        scenario.engine()
                .suppress(
                        PhoneNumber.parse(Fixtures.phone(3)),
                        Optional.of(new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID)));
        TemplateMessage amount = TemplateMessage.of(
                ChannelTemplate.of("saldo", "es_MX", "Su saldo: {{1}}"), Binding.customField("MONTO"));
        CampaignId planned = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(10))
                        .andThen(c -> c.message(amount)
                                .schema(CustomDataSchema.custom()
                                        .optional("MONTO", FieldType.NUMBER)
                                        .build())));
        List<Contact> audience = new ArrayList<>();
        CustomDataSchema optionalAmount =
                CustomDataSchema.custom().optional("MONTO", FieldType.NUMBER).build();
        Fixtures.contacts(0, 10)
                .forEach(contact ->
                        audience.add(contact.withCustomData(optionalAmount.parse(java.util.Map.of("MONTO", "100")))));
        audience.add(audience.get(5)); // listed twice
        audience.add(Fixtures.contact(50)); // no amount to bind

        CampaignPlan plan = scenario.engine().plan(planned, LaunchRequest.importedContacts(audience));

        assertThat(plan.audience()).isEqualTo(11);
        assertThat(plan.duplicates()).isEqualTo(1);
        assertThat(plan.skipped())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN,
                        3L,
                        SkipReasons.OPTED_OUT,
                        1L,
                        SkipReasons.UNRESOLVED_BINDING,
                        1L));
        assertThat(plan.wouldSend()).isEqualTo(6);
        assertThat(plan.perChannel()).containsEntry(CampaignScenario.CHANNEL_ID, 6L);
        assertThat(plan.wouldSend() + plan.skippedTotal()).isEqualTo(plan.audience());
        assertThat(plan.sms()).isEmpty(); // a channel template: the provider renders it
        // nothing sent, nothing engaged, nothing stored
        int sentBefore = scenario.channel().sends().size();
        scenario.runFor(Duration.ofMinutes(1));
        assertThat(scenario.channel().sends()).hasSize(sentBefore);
        assertThat(scenario.campaign(planned).state()).isEqualTo(CampaignState.READY);
        assertThat(scenario.engine()
                        .tenant(CampaignScenario.TENANT)
                        .engagedCampaign(
                                new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                PhoneNumber.parse(Fixtures.phone(6))))
                .isEmpty();
        assertThat(scenario.engine().recipients(planned, 0, 10)).isEmpty();
    }

    @Test
    void countsSmsSegmentsOfAnInlineTextPerContact() {
        CampaignScenario scenario = Fixtures.scenario().startingAt(MONDAY_9).build();
        TemplateMessage text = TemplateMessage.of(
                InlineTemplate.of("Hola {{1}}, su pago vence mañana."), Binding.contactName("cliente"));
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.message(text)));
        List<Contact> contacts = List.of(
                Contact.builder(PhoneNumber.parse(Fixtures.phone(1)))
                        .name("Ana")
                        .tag("all")
                        .build(),
                Contact.builder(PhoneNumber.parse(Fixtures.phone(2)))
                        .name("José " + "x".repeat(60))
                        .tag("all")
                        .build());

        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(contacts));

        // "mañana" is GSM-7 (ñ is in the alphabet); "José" is too (é); a 100-character text is one segment
        assertThat(plan.sms()).contains(new CampaignPlan.SmsTotals(2, 0, 2, 1));
    }

    @Test
    void projectsTheFinishFromThePaceTheHoursAndTheEnd() {
        CampaignScenario scenario = Fixtures.scenario().startingAt(MONDAY_9).build();
        ActiveHours hours = ActiveHours.builder(ZoneOffset.UTC)
                .everyDay(LocalTime.of(9, 0), LocalTime.of(9, 1))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)).andThen(c -> c.activeHours(hours)));

        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 100)));

        assertThat(plan.projectedStart()).contains(MONDAY_9);
        // 60 on Monday 9:00-9:01, the other 40 on Tuesday from 9:00, one a second
        assertThat(plan.projectedFinish()).contains(Instant.parse("2026-01-06T09:00:39Z"));
        assertThat(plan.unsentAtEnd()).isZero();

        CampaignId ending = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(1))
                        .andThen(c -> c.activeHours(hours)
                                .deliveryPlan(DeliveryPlan.custom()
                                        .pace(Pace.perSecond(1))
                                        .endAt(Instant.parse("2026-01-06T00:00:00Z"))
                                        .build())));
        CampaignPlan cut = scenario.engine().plan(ending, LaunchRequest.importedContacts(Fixtures.contacts(0, 100)));
        assertThat(cut.unsentAtEnd()).isEqualTo(40);
        assertThat(cut.warnings()).anySatisfy(w -> assertThat(w).contains("40 contacts would not be sent"));
    }

    @Test
    void refusesACampaignAlreadyLaunched() {
        CampaignScenario scenario = Fixtures.scenario().startingAt(MONDAY_9).build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 2));
        assertThatThrownBy(() -> scenario.engine().plan(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 2))))
                .isInstanceOf(CampaignKitException.class)
                .hasMessageContaining("ACTIVE")
                .extracting(e -> ((CampaignKitException) e).code())
                .isEqualTo(CampaignEngine.NOT_PLANNABLE);
    }

    @Property(tries = 30)
    void theProjectedFinishIsWithinOnePacingIntervalOfTheRealRun(
            @ForAll @IntRange(min = 1, max = 10) int perSecond,
            @ForAll @IntRange(min = 0, max = 10) int burst,
            @ForAll @IntRange(min = 1, max = 150) int contacts,
            @ForAll @IntRange(min = 1, max = 3) int openMinutes) {
        CampaignScenario scenario = Fixtures.scenario().startingAt(MONDAY_9).build();
        ActiveHours hours = ActiveHours.builder(ZoneOffset.UTC)
                .everyDay(LocalTime.of(9, 0), LocalTime.of(9, openMinutes))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic(Pace.perSecond(perSecond).withBurst(burst)).andThen(c -> c.activeHours(hours)));
        List<Contact> audience = Fixtures.contacts(0, contacts);

        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(audience));
        scenario.launch(id, audience);
        scenario.runUntilIdle(Duration.ofDays(30));

        List<Instant> sent = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .sorted()
                .toList();
        assertThat(sent).hasSize(contacts);
        Duration interval = Duration.ofNanos(Math.max(
                1_000_000_000L / perSecond,
                1_000_000_000L / Math.max(1, plan.senderLimit().permits())));
        assertThat(plan.projectedStart()).contains(sent.get(0));
        assertThat(Duration.between(plan.projectedFinish().orElseThrow(), sent.get(sent.size() - 1))
                        .abs())
                .isLessThanOrEqualTo(interval);
    }
}
