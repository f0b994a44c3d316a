package io.campaignkit.core.campaign;

import static io.campaignkit.core.campaign.CampaignFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of actions never bring a campaign into an illegal state: READY exactly when
 * valid, ACTIVE configuration never changed, FINISHED never left, deletes only outside ACTIVE,
 * nothing starts sending while the audience is PREPARING, nothing but finishing once FINISHING,
 * refused actions name the state and the action and change nothing, every accepted change raises
 * the version by one.
 */
class CampaignLifecycleProperties {

    enum Kind {
        EDIT_VALID,
        EDIT_BREAKING,
        LAUNCH,
        LAUNCH_PREPARING,
        PREPARE,
        COMPLETE_PREPARATION,
        START_SENDING,
        PAUSE,
        RESUME,
        COMPLETE_SENDING,
        START_FINISHING,
        FINISH,
        DELETE,
        VALIDATE,
        SCHEDULE,
        UNSCHEDULE,
        ADD_CONTACTS
    }

    record Step(Kind kind, int variant, int minutesLater) {}

    private static final List<CampaignConfiguration> VALID = List.of(
            CampaignFixtures.liveConfiguration(),
            CampaignFixtures.liveConfiguration().toBuilder()
                    .name("Cobranza julio")
                    .build(),
            CampaignFixtures.liveConfiguration().toBuilder()
                    .deliveryPlan(DeliveryPlan.custom()
                            .startAt(T0.plus(Duration.ofDays(1)))
                            .pace(Pace.perHour(3000))
                            .build())
                    .build());

    private static final List<CampaignConfiguration> BREAKING = List.of(
            CampaignFixtures.liveConfiguration().toBuilder().clearChannel().build(),
            CampaignFixtures.liveConfiguration().toBuilder()
                    .message(TemplateMessage.of(
                            ChannelTemplate.of("pago", "es_MX", "Hola {{1}}, debes {{2}}"), Binding.contactName()))
                    .build(),
            CampaignFixtures.liveConfiguration().toBuilder()
                    .schema(CustomDataSchema.empty())
                    .build(),
            CampaignFixtures.liveConfiguration().toBuilder()
                    .audience(AudienceReference.testNumbers(PhoneNumber.parse("+525512345678")))
                    .build(),
            CampaignFixtures.liveConfiguration().toBuilder()
                    .deliveryPlan(DeliveryPlan.custom()
                            .startAt(T0.plus(Duration.ofDays(2)))
                            .endAt(T0.plus(Duration.ofDays(1)))
                            .build())
                    .build());

    @Property
    void no_sequence_of_actions_reaches_an_illegal_state(
            @ForAll("startingPoints") Campaign start, @ForAll @Size(max = 40) List<@From("steps") Step> steps) {
        Campaign campaign = start;
        Instant now = T0;
        CampaignConfiguration frozen = null;
        for (Step step : steps) {
            now = now.plus(Duration.ofMinutes(step.minutesLater()));
            Campaign before = campaign;
            Campaign.Snapshot snapshotBefore = before.snapshot();
            boolean expectedAccepted = isAllowed(before, step, now);
            Campaign after;
            try {
                after = apply(before, step, now);
            } catch (IllegalCampaignActionException e) {
                assertThat(expectedAccepted)
                        .as("%s refused in %s: %s", step, before, e.getMessage())
                        .isFalse();
                assertThat(e.state()).isEqualTo(before.state());
                assertThat(e.action()).isEqualTo(actionOf(step.kind()));
                assertThat(e.getMessage())
                        .contains(before.state().name(), e.action().name());
                assertThat(before.snapshot()).isEqualTo(snapshotBefore);
                continue;
            }
            assertThat(expectedAccepted).as("%s accepted in %s", step, before).isTrue();
            if (step.kind() == Kind.DELETE) {
                assertThat(before.state()).isNotEqualTo(CampaignState.ACTIVE);
                Statistics.label("final state").collect("DELETED from " + before.state(), "");
                return; // gone for good
            }
            if (before.state() == CampaignState.FINISHED) {
                assertThat(step.kind())
                        .as("FINISHED absorbs everything but queries and delete")
                        .isEqualTo(Kind.VALIDATE);
            }
            if (step.kind() == Kind.FINISH
                    && before.dispatch().orElse(null) instanceof DispatchState.Finishing finishing) {
                assertThat(after.finishReason())
                        .as("finishing keeps its first reason")
                        .contains(finishing.reason());
                assertThat(after.finishedAt())
                        .as("finished when finishing began")
                        .contains(finishing.since());
            }
            if (step.kind() == Kind.ADD_CONTACTS) {
                assertThat(after.dispatch().orElseThrow())
                        .as("contacts added to a campaign done sending are sent")
                        .isInstanceOf(
                                before.dispatch().orElseThrow() instanceof DispatchState.Done
                                        ? DispatchState.Sending.class
                                        : before.dispatch().orElseThrow().getClass());
            }
            if (after == before) {
                assertThat(step.kind())
                        .isIn(
                                Kind.EDIT_VALID,
                                Kind.EDIT_BREAKING,
                                Kind.PAUSE,
                                Kind.START_FINISHING,
                                Kind.VALIDATE,
                                Kind.SCHEDULE,
                                Kind.ADD_CONTACTS);
            } else {
                assertThat(after.version()).isEqualTo(before.version() + 1);
                assertThat(after.updatedAt()).isEqualTo(now);
            }
            if (after.state() == CampaignState.ACTIVE && frozen == null) {
                frozen = after.configuration();
            }
            if (frozen != null) {
                assertThat(after.configuration())
                        .as("configuration frozen from launch on")
                        .isEqualTo(frozen);
            }
            assertConsistent(after);
            campaign = after;
        }
        Statistics.label("final state")
                .collect(
                        campaign.state(),
                        campaign.dispatch().map(DispatchState::label).orElse(""));
    }

    private static void assertConsistent(Campaign campaign) {
        switch (campaign.state()) {
            case DRAFT:
            case READY:
                assertThat(campaign.state() == CampaignState.READY)
                        .isEqualTo(campaign.validation().isValid());
                assertThat(campaign.dispatch()).isEmpty();
                assertThat(campaign.launchedAt()).isEmpty();
                assertThat(campaign.schedule()).isEmpty();
                break;
            case SCHEDULED:
                assertThat(campaign.validation().isValid())
                        .as("a scheduled campaign is valid")
                        .isTrue();
                assertThat(campaign.schedule()).isPresent();
                assertThat(campaign.dispatch()).isEmpty();
                assertThat(campaign.launchedAt())
                        .as("a scheduled campaign is not launched")
                        .isEmpty();
                break;
            case ACTIVE:
                assertThat(campaign.dispatch()).isPresent();
                assertThat(campaign.launchedAt()).isPresent();
                assertThat(campaign.validation().isValid()).isTrue();
                assertThat(campaign.schedule()).isEmpty();
                break;
            default:
                assertThat(campaign.dispatch()).isEmpty();
                assertThat(campaign.finishedAt()).isPresent();
        }
        assertThat(Campaign.restore(campaign.snapshot())).isEqualTo(campaign);
    }

    private static boolean isAllowed(Campaign campaign, Step step, Instant now) {
        CampaignState state = campaign.state();
        DispatchState dispatch = campaign.dispatch().orElse(null);
        switch (step.kind()) {
            case EDIT_VALID:
            case EDIT_BREAKING:
                return state.allowsEdit();
            case LAUNCH:
            case LAUNCH_PREPARING:
            case SCHEDULE:
                return state == CampaignState.READY || state == CampaignState.SCHEDULED;
            case UNSCHEDULE:
                return state == CampaignState.SCHEDULED;
            case PREPARE:
            case COMPLETE_PREPARATION:
                return dispatch instanceof DispatchState.Preparing;
            case START_SENDING:
                return dispatch instanceof DispatchState.Waiting
                        && !now.isBefore(((DispatchState.Waiting) dispatch).startAt());
            case PAUSE:
                return dispatch instanceof DispatchState.Waiting
                        || dispatch instanceof DispatchState.Sending
                        || dispatch instanceof DispatchState.Paused;
            case RESUME:
                return dispatch instanceof DispatchState.Paused;
            case ADD_CONTACTS:
                return dispatch instanceof DispatchState.Waiting
                        || dispatch instanceof DispatchState.Sending
                        || dispatch instanceof DispatchState.Paused
                        || dispatch instanceof DispatchState.Done;
            case COMPLETE_SENDING:
                return dispatch instanceof DispatchState.Sending || dispatch instanceof DispatchState.Paused;
            case START_FINISHING:
            case FINISH:
                return state == CampaignState.ACTIVE;
            case DELETE:
                return state != CampaignState.ACTIVE;
            default:
                return true;
        }
    }

    private static Campaign apply(Campaign campaign, Step step, Instant now) {
        switch (step.kind()) {
            case EDIT_VALID:
                return campaign.reconfigure(VALID.get(step.variant() % VALID.size()), now);
            case EDIT_BREAKING:
                return step.variant() % 2 == 0
                        ? campaign.reconfigure(BREAKING.get(step.variant() % BREAKING.size()), now)
                        : campaign.edit(CampaignConfiguration.Builder::clearMessage, now);
            case LAUNCH:
                return campaign.launch(now);
            case LAUNCH_PREPARING:
                return campaign.launchPreparing("engine-" + step.variant() % 2, now);
            case PREPARE:
                return campaign.renewPreparation("engine-" + step.variant() % 2, now);
            case COMPLETE_PREPARATION:
                return campaign.completePreparation(now);
            case START_SENDING:
                return campaign.startSending(now);
            case PAUSE:
                return campaign.pause(PauseReason.values()[step.variant() % PauseReason.values().length], now);
            case RESUME:
                return campaign.resume(now);
            case COMPLETE_SENDING:
                return campaign.completeSending(now);
            case START_FINISHING:
                return campaign.startFinishing(
                        FinishReason.values()[step.variant() % FinishReason.values().length], now);
            case FINISH:
                return campaign.finish(FinishReason.values()[step.variant() % FinishReason.values().length], now);
            case DELETE:
                campaign.checkDeletable();
                return campaign;
            case SCHEDULE:
                return campaign.schedule(Schedule.at(now.plus(Duration.ofHours(1 + step.variant()))), now);
            case UNSCHEDULE:
                return campaign.unschedule(now);
            case ADD_CONTACTS:
                return campaign.acceptContacts(now);
            default:
                campaign.validation();
                return campaign;
        }
    }

    private static CampaignAction actionOf(Kind kind) {
        switch (kind) {
            case EDIT_VALID:
            case EDIT_BREAKING:
                return CampaignAction.EDIT;
            case LAUNCH_PREPARING:
                return CampaignAction.LAUNCH;
            case VALIDATE:
                throw new AssertionError("validation is never refused");
            default:
                return CampaignAction.valueOf(kind.name());
        }
    }

    @Provide
    Arbitrary<Step> steps() {
        // deleting ends a sequence, so it is drawn rarely to let sequences reach ACTIVE and FINISHED
        Arbitrary<Kind> kinds = Arbitraries.frequency(Arrays.stream(Kind.values())
                .map(kind -> Tuple.of(kind == Kind.DELETE ? 1 : 6, kind))
                .collect(Collectors.toList()));
        return Combinators.combine(
                        kinds,
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 600))
                .as(Step::new);
    }

    @Provide
    Arbitrary<Campaign> startingPoints() {
        List<Supplier<Campaign>> starts = List.of(
                CampaignFixtures::draft,
                CampaignFixtures::ready,
                () -> Campaign.create(
                        CampaignFixtures.ID,
                        "acme",
                        "qa",
                        CampaignKind.TEST,
                        CampaignFixtures.testConfiguration(),
                        T0));
        return Arbitraries.of(starts).map(Supplier::get);
    }

    static {
        if (VALID.stream()
                        .anyMatch(c ->
                                !CampaignValidation.of(CampaignKind.LIVE, c).isValid())
                || BREAKING.stream()
                        .anyMatch(
                                c -> CampaignValidation.of(CampaignKind.LIVE, c).isValid())) {
            fail("fixtures: VALID must be valid and BREAKING invalid");
        }
    }
}
