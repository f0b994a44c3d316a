package io.campaignkit.core.campaign;

import static io.campaignkit.core.campaign.CampaignFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle rules the lifecycle tests left unguarded: a schedule kept only while the campaign stays
 * valid for its start, snapshots that contradict their state, contacts added only to a sending
 * campaign, and the validation of fallback channels, local hours and hours that never open.
 */
class ScheduleRestoreAndContactsRulesTest {

    private static final Instant START = T0.plus(Duration.ofHours(2));
    private static final DeliveryPlan ENDS_BEFORE_START =
            DeliveryPlan.custom().endAt(T0.plus(Duration.ofHours(1))).build();

    private static Campaign scheduled() {
        return CampaignFixtures.ready().schedule(Schedule.at(START), T0);
    }

    @Test
    void aScheduledCampaignKeepsItsScheduleOnlyWhileItStaysValidForItsStart() {
        Campaign renamed = scheduled().edit(c -> c.name("Cobranza julio"), T0);
        assertThat(renamed.state()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(renamed.schedule()).contains(Schedule.at(START));

        Campaign endsFirst = scheduled().edit(c -> c.deliveryPlan(ENDS_BEFORE_START), T0);
        assertThat(endsFirst.state()).isEqualTo(CampaignState.READY);
        assertThat(endsFirst.schedule()).isEmpty();
    }

    @Test
    void aStoredScheduleNoLongerValidForItsStartComesBackEditableWithoutIt() {
        var stored = SnapshotChange.of(scheduled().snapshot())
                .configuration(CampaignFixtures.liveConfiguration().toBuilder()
                        .deliveryPlan(ENDS_BEFORE_START)
                        .build())
                .build();

        Campaign restored = Campaign.restore(stored);

        assertThat(restored.state()).isEqualTo(CampaignState.READY);
        assertThat(restored.schedule()).isEmpty();
        assertThat(Campaign.restore(scheduled().snapshot())).isEqualTo(scheduled());
    }

    @Test
    void aSnapshotWhosePartsContradictItsStateIsRefusedNamingTheSnapshot() {
        var readyWithSchedule = SnapshotChange.of(CampaignFixtures.ready().snapshot())
                .schedule(Schedule.at(START))
                .build();
        assertThatThrownBy(() -> Campaign.restore(readyWithSchedule))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("snapshot"))
                .hasMessageContaining("a schedule exactly when it is SCHEDULED");

        var readyOnceLaunched = SnapshotChange.of(CampaignFixtures.ready().snapshot())
                .launchedAt(T0)
                .build();
        assertThatThrownBy(() -> Campaign.restore(readyOnceLaunched))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("snapshot"))
                .hasMessageContaining("launch time");
    }

    @Test
    void onlyACampaignNotYetLaunchedIsScheduledAndOnlyForALaterStart() {
        assertThatThrownBy(() -> CampaignFixtures.draft().schedule(Schedule.at(START), T0))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("a draft is completed before it is scheduled");
        assertThatThrownBy(() -> CampaignFixtures.active().schedule(Schedule.at(START), T0))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("only a campaign not yet launched is scheduled");
        assertThatThrownBy(() -> CampaignFixtures.ready().schedule(Schedule.at(T0), T0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("schedule"))
                .hasMessageContaining("must be after now");
    }

    @Test
    void contactsAreAddedOnlyToAnActiveCampaignPastItsLaunchAndBeforeItsFinish() {
        Instant later = T0.plus(Duration.ofMinutes(5));
        assertThatThrownBy(() -> CampaignFixtures.ready().acceptContacts(later))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("launch this one with its audience");
        assertThatThrownBy(() -> CampaignFixtures.finished().acceptContacts(later))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("a finished campaign takes no more contacts");
        assertThatThrownBy(() ->
                        CampaignFixtures.ready().launchPreparing("node-a", T0).acceptContacts(later))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("still adding its audience");
        assertThatThrownBy(() -> CampaignFixtures.active()
                        .startFinishing(FinishReason.BY_USER, T0)
                        .acceptContacts(later))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("it is finishing");

        Campaign done = CampaignFixtures.active().completeSending(T0.plusSeconds(120));
        assertThat(done.acceptContacts(later).dispatch()).contains(new DispatchState.Sending(later));
        Campaign sending = CampaignFixtures.active();
        assertThat(sending.acceptContacts(later).dispatch()).isEqualTo(sending.dispatch());
    }

    @Test
    void everyChannelBindingIsListedInOrderAndAFallbacksMessageIsValidatedAsItsOwn() {
        TemplateMessage sms =
                TemplateMessage.of(ChannelTemplate.of("sms", "es", "Hola {{1}}"), Binding.contactName("cliente"));
        TemplateMessage unknownField =
                TemplateMessage.of(ChannelTemplate.of("sms2", "es", "Saldo {{1}}"), Binding.customField("SALDO"));
        ContactCondition mexico = ContactCondition.hasValue("pais", "MX");
        ChannelBinding twilio = ChannelBinding.of(SenderKey.of("twilio", "+15550001"), sms);
        ChannelBinding other = ChannelBinding.of(SenderKey.of("twilio", "+15550002"), unknownField);
        CampaignConfiguration configuration = CampaignFixtures.liveConfiguration().toBuilder()
                .channelCondition(mexico)
                .addChannel(twilio)
                .addChannel(other)
                .build();

        assertThat(configuration.channels())
                .containsExactly(
                        new ChannelBinding(
                                SenderKey.of("whatsapp-cloud", "109876543210"),
                                CampaignFixtures.MESSAGE,
                                java.util.Optional.of(mexico)),
                        twilio,
                        other);
        assertThat(configuration.fallbackChannels()).containsExactly(twilio, other);
        assertThat(configuration.toString())
                .contains("channelCondition=pais=MX")
                .contains("fallbackChannels=");
        assertThat(CampaignFixtures.liveConfiguration().toString())
                .doesNotContain("channelCondition")
                .doesNotContain("fallbackChannels");
        assertThat(CampaignConfiguration.custom()
                        .channels(configuration.channels())
                        .build()
                        .channels())
                .isEqualTo(configuration.channels());
        assertThat(CampaignValidation.of(CampaignKind.LIVE, configuration).violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("channels[2].message.{{1}}", Violation.UNKNOWN_FIELD));
    }

    @Test
    void validationNamesFieldAndCodeTogether() {
        CampaignValidation validation = CampaignValidation.of(CampaignKind.LIVE, CampaignConfiguration.empty());
        Violation first = validation.violations().get(0);

        assertThat(validation.has(first.field(), first.code())).isTrue();
        assertThat(validation.has(first.field(), "NO_SUCH_CODE")).isFalse();
        assertThat(validation.has("noSuchField", first.code())).isFalse();
    }

    @Test
    void aZoneFieldTheSchemaHasIsValidAndOneItLacksIsNamed() {
        CampaignConfiguration withField = CampaignFixtures.liveConfiguration().toBuilder()
                .localHours(LocalHours.fromField("MONTO"))
                .build();
        CampaignConfiguration withoutField = CampaignFixtures.liveConfiguration().toBuilder()
                .localHours(LocalHours.fromField("ZONA"))
                .build();

        assertThat(CampaignValidation.of(CampaignKind.LIVE, withField).isValid())
                .isTrue();
        assertThat(CampaignValidation.of(CampaignKind.LIVE, withoutField)
                        .has("localHours.zoneField", Violation.UNKNOWN_FIELD))
                .isTrue();
    }

    @Test
    void hoursThatNeverOpenAreReportedOnceAndHoursThatNoLongerOpenAtLaunch() {
        ZoneId mexico = ZoneId.of("America/Mexico_City");
        CampaignConfiguration closed = CampaignFixtures.liveConfiguration().toBuilder()
                .activeHours(ActiveHours.parse("closed", mexico))
                .build();
        assertThat(CampaignValidation.atLaunch(CampaignKind.LIVE, closed, T0).violations())
                .extracting(Violation::code)
                .containsExactly(Violation.HOURS_NEVER_OPEN);

        // open one day that has passed, and an end that has passed too: both are reported
        CampaignConfiguration pastDayOnly = CampaignFixtures.liveConfiguration().toBuilder()
                .activeHours(ActiveHours.parse("2026-01-02 09:00-10:00", mexico))
                .deliveryPlan(DeliveryPlan.custom().endAt(T0.minusSeconds(60)).build())
                .build();
        assertThat(CampaignValidation.atLaunch(CampaignKind.LIVE, pastDayOnly, T0)
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deliveryPlan.endAt", Violation.END_IN_PAST),
                        org.assertj.core.groups.Tuple.tuple("activeHours", Violation.HOURS_NEVER_OPEN));
        assertThat(List.of(CampaignValidation.of(CampaignKind.LIVE, pastDayOnly).isValid()))
                .containsExactly(true);
    }
}
