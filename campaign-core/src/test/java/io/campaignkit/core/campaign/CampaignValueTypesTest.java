package io.campaignkit.core.campaign;

import static io.campaignkit.core.campaign.CampaignFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CampaignValueTypesTest {

    private static void assertRefuses(ThrowingCallable call, String argument, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(e.argument()).isEqualTo(argument);
            for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    @Test
    void pace_per_second_and_per_hour() {
        assertThat(Pace.DEFAULT).isEqualTo(Pace.perSecond(20));
        assertThat(Pace.perSecond(20).interval()).isEqualTo(Duration.ofMillis(50));
        assertThat(Pace.perHour(3600).messagesPerSecond()).isEqualTo(1.0);
        assertThat(Pace.perHour(3000).withBurst(5).burst()).isEqualTo(5);
        assertThat(Pace.perHour(3000).withBurst(5)).hasToString("3000/h burst 5");
    }

    @Test
    void a_pace_must_be_positive_and_within_limits() {
        assertRefuses(() -> Pace.perSecond(0), "messages", "positive");
        assertRefuses(() -> Pace.perHour(-5), "messages", "positive");
        assertRefuses(() -> Pace.perSecond(Pace.MAX_PER_SECOND + 1), "messages", "maximum");
        assertRefuses(() -> Pace.perSecond(1).withBurst(-1), "burst");
        assertRefuses(() -> new Pace(1, null, 0), "per");
    }

    @Test
    void delivery_plan_defaults_and_effective_start() {
        DeliveryPlan defaults = DeliveryPlan.ofDefaults();
        assertThat(defaults.startAt()).isEmpty();
        assertThat(defaults.pace()).isEqualTo(Pace.DEFAULT);
        assertThat(defaults.endAt()).isEmpty();
        assertThat(defaults.effectiveStart(T0)).isEqualTo(T0);

        DeliveryPlan planned = DeliveryPlan.custom()
                .startAt(T0.plusSeconds(60))
                .pace(Pace.perHour(3000))
                .endAt(T0.plusSeconds(120))
                .build();
        assertThat(planned.effectiveStart(T0)).isEqualTo(T0.plusSeconds(60));
        assertThat(planned.effectiveStart(T0.plusSeconds(90))).isEqualTo(T0.plusSeconds(90));
        assertThat(planned.endsBeforeStart()).isFalse();
        assertThat(DeliveryPlan.custom().startAt(T0).endAt(T0).build().endsBeforeStart())
                .isTrue();
        assertRefuses(() -> DeliveryPlan.custom().startAt(null), "instant");
        assertRefuses(() -> DeliveryPlan.custom().pace(null), "pace");
    }

    @Test
    void out_of_hours_policy_queue_or_close_with_optional_auto_reply() {
        assertThat(OutOfHoursPolicy.DEFAULT.action()).isEqualTo(OutOfHoursPolicy.Action.QUEUE);
        assertThat(OutOfHoursPolicy.DEFAULT.autoReply()).isEmpty();
        OutOfHoursPolicy close = OutOfHoursPolicy.close().withAutoReply("Volvemos a las 8:00");
        assertThat(close.action()).isEqualTo(OutOfHoursPolicy.Action.CLOSE);
        assertThat(close.autoReply()).contains("Volvemos a las 8:00");
        assertRefuses(() -> OutOfHoursPolicy.queue().withAutoReply(" "), "autoReply", "blank");
        assertRefuses(() -> OutOfHoursPolicy.queue().withAutoReply(null), "text");
        assertRefuses(
                () -> OutOfHoursPolicy.queue().withAutoReply("x".repeat(OutOfHoursPolicy.MAX_AUTO_REPLY_LENGTH + 1)),
                "autoReply",
                "at most");
    }

    @Test
    void channel_binding_and_campaign_id_check_their_parts() {
        assertThat(SenderKey.of(" twilio ", "MG123")).isEqualTo(new SenderKey("twilio", "MG123"));
        assertRefuses(() -> SenderKey.of("twilio", ""), "senderId");
        assertRefuses(() -> SenderKey.of(null, "x"), "channelType");
        assertThat(CampaignId.of("cobranza-junio:2026")).hasToString("cobranza-junio:2026");
        assertThat(CampaignId.random()).isNotEqualTo(CampaignId.random());
        assertRefuses(() -> CampaignId.of("con espacio"), "value", "letters, digits");
        assertRefuses(() -> CampaignId.of("x".repeat(CampaignId.MAX_LENGTH + 1)), "value");
        assertRefuses(() -> CampaignId.of(null), "value");
    }

    @Test
    void a_segment_matches_contacts_with_every_tag_and_never_an_untagged_contact() {
        AudienceReference.Segment segment = new AudienceReference.Segment(Set.of("deudor"), Map.of("ciudad", "CDMX"));
        Contact match = Contact.builder(PhoneNumber.parse("+525512345678"))
                .tag("deudor")
                .tag("vip")
                .valuedTag("ciudad", "CDMX")
                .build();
        Contact otherCity = Contact.builder(PhoneNumber.parse("+525512345679"))
                .tag("deudor")
                .valuedTag("ciudad", "Monterrey")
                .build();
        Contact untagged = Contact.of(PhoneNumber.parse("+525512345670"));

        assertThat(segment.matches(match)).isTrue();
        assertThat(segment.matches(otherCity)).isFalse();
        assertThat(segment.matches(untagged)).isFalse();
        assertThat(AudienceReference.segment(Set.of("vip")).matches(untagged)).isFalse();
        assertRefuses(() -> new AudienceReference.Segment(Set.of(), Map.of()), "tags", "at least one");
    }

    @Test
    void a_test_audience_holds_each_number_once() {
        PhoneNumber phone = PhoneNumber.parse("+525512345678");

        assertThat(AudienceReference.testNumbers(phone).contacts())
                .extracting(Contact::phone)
                .containsExactly(phone);
        assertRefuses(() -> AudienceReference.testNumbers(phone, phone), "contacts", "appears twice");
        assertRefuses(() -> new AudienceReference.TestAudience(List.of()), "contacts", "at least one");
        assertRefuses(() -> AudienceReference.testNumbers(phone, null), "numbers[1]");
        assertRefuses(() -> AudienceReference.importedList(" "), "listId");
    }

    @Test
    void configuration_builder_refuses_bad_values_naming_them() {
        CampaignConfiguration.Builder builder = CampaignConfiguration.custom();

        assertRefuses(() -> builder.name(null), "name");
        assertRefuses(() -> builder.name("  "), "name", "blank");
        assertRefuses(() -> builder.name("x".repeat(CampaignConfiguration.MAX_NAME_LENGTH + 1)), "name", "at most");
        assertRefuses(() -> builder.botFlowId(""), "botFlowId");
        assertRefuses(() -> builder.channel(null), "channel");
        assertRefuses(() -> builder.message(null), "message");
        assertRefuses(() -> builder.audience(null), "audience");
        assertRefuses(() -> builder.schema(null), "schema");
        assertRefuses(() -> builder.activeHours(null), "activeHours");
        assertRefuses(() -> builder.deliveryPlan(null), "deliveryPlan");
        assertRefuses(() -> builder.outOfHoursPolicy(null), "outOfHoursPolicy");
    }

    @Test
    void configuration_has_defaults_and_round_trips_through_its_builder() {
        CampaignConfiguration empty = CampaignConfiguration.empty();
        assertThat(empty.name()).isEmpty();
        assertThat(empty.schema().isEmpty()).isTrue();
        assertThat(empty.deliveryPlan()).isEqualTo(DeliveryPlan.ofDefaults());
        assertThat(empty.outOfHoursPolicy()).isEqualTo(OutOfHoursPolicy.DEFAULT);

        CampaignConfiguration full = CampaignFixtures.liveConfiguration();
        assertThat(full.toBuilder().build()).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(full.toBuilder().name("  Otro  ").build().name()).contains("Otro");
        assertThat(full.toBuilder().name("Otro").build()).isNotEqualTo(full);
    }

    @Test
    void campaign_actions_name_their_null_arguments() {
        Campaign ready = CampaignFixtures.ready();

        assertRefuses(
                () -> Campaign.create(null, "acme", "p", CampaignKind.LIVE, CampaignConfiguration.empty(), T0), "id");
        assertRefuses(
                () -> Campaign.create(
                        CampaignFixtures.ID, " ", "p", CampaignKind.LIVE, CampaignConfiguration.empty(), T0),
                "tenantId");
        assertRefuses(
                () -> Campaign.create(
                        CampaignFixtures.ID, "acme", "p", CampaignKind.LIVE, CampaignConfiguration.empty(), null),
                "now");
        assertRefuses(() -> ready.launch(null), "now");
        assertRefuses(() -> ready.reconfigure(null, T0), "newConfiguration");
        assertRefuses(() -> ready.edit(null, T0), "changes");
        assertRefuses(() -> CampaignFixtures.active().pause(null, T0), "reason");
        assertRefuses(() -> CampaignFixtures.active().finish(null, T0), "reason");
    }

    @Test
    void a_campaign_survives_a_snapshot_round_trip() {
        for (Campaign campaign : List.of(
                CampaignFixtures.draft(),
                CampaignFixtures.ready(),
                CampaignFixtures.active(),
                CampaignFixtures.finished())) {
            Campaign restored = Campaign.restore(campaign.snapshot());
            assertThat(restored).isEqualTo(campaign).hasSameHashCodeAs(campaign);
            assertThat(restored.state()).isEqualTo(campaign.state());
        }
    }

    @Test
    void restore_derives_draft_or_ready_again_and_refuses_inconsistent_snapshots() {
        Campaign.Snapshot readyButIncomplete = SnapshotChange.of(
                        CampaignFixtures.draft().snapshot())
                .state(CampaignState.READY)
                .build();
        assertThat(Campaign.restore(readyButIncomplete).state()).isEqualTo(CampaignState.DRAFT);

        Campaign.Snapshot activeWithoutDispatch = SnapshotChange.of(
                        CampaignFixtures.active().snapshot())
                .dispatch(null)
                .build();
        assertRefuses(() -> Campaign.restore(activeWithoutDispatch), "snapshot", "dispatch");

        Campaign.Snapshot finishedWithoutTime = new Campaign.Snapshot(
                CampaignFixtures.ID,
                "acme",
                "p",
                CampaignKind.LIVE,
                CampaignFixtures.liveConfiguration(),
                CampaignState.FINISHED,
                Optional.empty(),
                T0,
                T0,
                Optional.of(T0),
                Optional.empty(),
                Optional.empty(),
                3,
                Optional.empty());
        assertRefuses(() -> Campaign.restore(finishedWithoutTime), "snapshot", "finish");
    }

    @Test
    void to_string_shows_identity_and_state() {
        assertThat(CampaignFixtures.active().toString())
                .contains("cobranza-junio", "ACTIVE", "SENDING", "v1", "Cobranza junio");
    }
}
