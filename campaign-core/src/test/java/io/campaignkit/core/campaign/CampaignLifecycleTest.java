package io.campaignkit.core.campaign;

import static io.campaignkit.core.campaign.CampaignFixtures.ID;
import static io.campaignkit.core.campaign.CampaignFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.contact.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CampaignLifecycleTest {

    private static final Instant LATER = T0.plus(Duration.ofMinutes(5));

    @Nested
    class DraftAndReady {

        @Test
        void an_incomplete_campaign_is_created_as_a_draft_at_version_0() {
            Campaign campaign = CampaignFixtures.draft();

            assertThat(campaign.state()).isEqualTo(CampaignState.DRAFT);
            assertThat(campaign.version()).isZero();
            assertThat(campaign.createdAt()).isEqualTo(T0);
            assertThat(campaign.updatedAt()).isEqualTo(T0);
            assertThat(campaign.dispatch()).isEmpty();
        }

        @Test
        void a_complete_valid_campaign_is_created_ready() {
            assertThat(CampaignFixtures.ready().state()).isEqualTo(CampaignState.READY);
        }

        @Test
        void an_edit_that_completes_the_configuration_makes_a_draft_ready() {
            Campaign draft = Campaign.create(
                    ID,
                    "acme",
                    "cobranza",
                    CampaignKind.LIVE,
                    CampaignFixtures.liveConfiguration().toBuilder()
                            .clearBotFlowId()
                            .build(),
                    T0);
            assertThat(draft.state()).isEqualTo(CampaignState.DRAFT);

            Campaign ready = draft.edit(c -> c.botFlowId("cobranza-v2"), LATER);

            assertThat(ready.state()).isEqualTo(CampaignState.READY);
            assertThat(ready.version()).isEqualTo(1);
            assertThat(ready.updatedAt()).isEqualTo(LATER);
            assertThat(ready.createdAt()).isEqualTo(T0);
        }

        @Test
        void an_edit_that_breaks_validity_returns_a_ready_campaign_to_draft() {
            Campaign draft = CampaignFixtures.ready().edit(CampaignConfiguration.Builder::clearChannel, LATER);

            assertThat(draft.state()).isEqualTo(CampaignState.DRAFT);
            assertThat(draft.validation().has("channel", Violation.MISSING)).isTrue();
        }

        @Test
        void an_edit_that_keeps_the_campaign_valid_keeps_it_ready() {
            Campaign renamed = CampaignFixtures.ready().edit(c -> c.name("Cobranza junio (2)"), LATER);

            assertThat(renamed.state()).isEqualTo(CampaignState.READY);
            assertThat(renamed.configuration().name()).contains("Cobranza junio (2)");
            assertThat(renamed.version()).isEqualTo(1);
        }

        @Test
        void an_edit_to_the_same_configuration_is_no_change() {
            Campaign ready = CampaignFixtures.ready();

            assertThat(ready.reconfigure(ready.configuration(), LATER)).isSameAs(ready);
        }

        @Test
        void edits_do_not_change_the_original_campaign() {
            Campaign ready = CampaignFixtures.ready();
            ready.edit(c -> c.name("Otro nombre"), LATER);

            assertThat(ready.configuration().name()).contains("Cobranza junio");
            assertThat(ready.version()).isZero();
        }
    }

    @Nested
    class Launch {

        @Test
        void launching_a_ready_campaign_without_planned_start_makes_it_active_and_sending() {
            Campaign active = CampaignFixtures.ready().launch(LATER);

            assertThat(active.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(active.dispatch()).contains(new DispatchState.Sending(LATER));
            assertThat(active.launchedAt()).contains(LATER);
            assertThat(active.version()).isEqualTo(1);
        }

        @Test
        void launching_with_a_future_start_waits_for_it_and_starts_sending_when_it_comes() {
            Instant start = T0.plus(Duration.ofDays(1));
            Campaign ready = CampaignFixtures.ready()
                    .edit(
                            c -> c.deliveryPlan(
                                    DeliveryPlan.custom().startAt(start).build()),
                            T0);

            Campaign waiting = ready.launch(LATER);
            assertThat(waiting.dispatch()).contains(new DispatchState.Waiting(start));

            assertThatThrownBy(() -> waiting.startSending(start.minusSeconds(1)))
                    .isInstanceOf(IllegalCampaignActionException.class)
                    .hasMessageContaining("planned start");
            assertThat(waiting.startSending(start).dispatch()).contains(new DispatchState.Sending(start));
        }

        @Test
        void launch_at_schedules_the_start_in_one_step() {
            Instant start = T0.plus(Duration.ofDays(1));
            Campaign ready = CampaignFixtures.ready();

            Campaign scheduled = ready.launchAt(start, LATER);

            assertThat(scheduled.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(scheduled.dispatch()).contains(new DispatchState.Waiting(start));
            assertThat(scheduled.configuration().deliveryPlan().startAt()).contains(start);
            assertThat(scheduled.configuration().deliveryPlan().pace())
                    .isEqualTo(ready.configuration().deliveryPlan().pace());
            assertThat(scheduled.version()).isEqualTo(ready.version() + 1);
        }

        @Test
        void launch_at_refuses_a_start_after_the_end_and_a_finished_campaign() {
            Campaign ready = CampaignFixtures.ready()
                    .edit(
                            c -> c.deliveryPlan(DeliveryPlan.custom()
                                    .endAt(T0.plus(Duration.ofHours(1)))
                                    .build()),
                            T0);

            assertThatThrownBy(() -> ready.launchAt(T0.plus(Duration.ofHours(2)), T0))
                    .isInstanceOfSatisfying(
                            CampaignValidationException.class,
                            e -> assertThat(e.violations())
                                    .extracting(Violation::code)
                                    .containsExactly(Violation.END_BEFORE_START));
            assertThatThrownBy(() -> CampaignFixtures.finished().launchAt(LATER, LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.state()).isEqualTo(CampaignState.FINISHED));
        }

        @Test
        void a_planned_start_in_the_past_means_start_now() {
            Campaign ready = CampaignFixtures.ready()
                    .edit(
                            c -> c.deliveryPlan(DeliveryPlan.custom()
                                    .startAt(T0.minus(Duration.ofDays(1)))
                                    .build()),
                            T0);

            assertThat(ready.launch(LATER).dispatch()).contains(new DispatchState.Sending(LATER));
        }

        @Test
        void launching_a_draft_lists_every_problem_and_names_state_and_action() {
            Campaign draft = CampaignFixtures.draft();

            assertThatThrownBy(() -> draft.launch(LATER))
                    .isInstanceOfSatisfying(CampaignValidationException.class, e -> {
                        assertThat(e.code()).isEqualTo("CAMPAIGN_INVALID");
                        assertThat(e.state()).isEqualTo(CampaignState.DRAFT);
                        assertThat(e.action()).isEqualTo(CampaignAction.LAUNCH);
                        assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("name", "botFlowId", "channel", "message", "audience");
                        assertThat(e.getMessage()).contains("LAUNCH", "DRAFT", "5 problem(s)", "name", "audience");
                    });
        }

        @Test
        void an_end_that_has_passed_at_launch_refuses_the_launch() {
            Campaign ready = CampaignFixtures.ready()
                    .edit(
                            c -> c.deliveryPlan(DeliveryPlan.custom()
                                    .endAt(T0.plusSeconds(10))
                                    .build()),
                            T0);
            assertThat(ready.state()).isEqualTo(CampaignState.READY);

            assertThatThrownBy(() -> ready.launch(T0.plusSeconds(10)))
                    .isInstanceOfSatisfying(CampaignValidationException.class, e -> {
                        assertThat(e.state()).isEqualTo(CampaignState.READY);
                        assertThat(e.violations()).extracting(Violation::code).containsExactly(Violation.END_IN_PAST);
                    });
        }

        @Test
        void an_active_campaign_cannot_be_launched_again() {
            Campaign active = CampaignFixtures.active();

            assertThatThrownBy(() -> active.launch(LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(e.state()).isEqualTo(CampaignState.ACTIVE);
                        assertThat(e.action()).isEqualTo(CampaignAction.LAUNCH);
                        assertThat(e.campaignId()).isEqualTo(ID);
                        assertThat(e.getMessage()).contains("LAUNCH", "ACTIVE", ID.value());
                    });
        }
    }

    @Nested
    class Active {

        @Test
        void the_configuration_of_an_active_campaign_is_frozen() {
            Campaign active = CampaignFixtures.active();

            assertThatThrownBy(() -> active.edit(c -> c.name("Otro"), LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.code()).isEqualTo("CAMPAIGN_FROZEN");
                        assertThat(e.state()).isEqualTo(CampaignState.ACTIVE);
                        assertThat(e.dispatch()).isPresent();
                        assertThat(e.action()).isEqualTo(CampaignAction.EDIT);
                        assertThat(e.getMessage()).contains("EDIT", "ACTIVE", "frozen");
                    });
            assertThatThrownBy(() -> active.reconfigure(CampaignConfiguration.empty(), LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.code()).isEqualTo("CAMPAIGN_FROZEN"));
        }

        @Test
        void the_edit_function_does_not_run_on_a_frozen_campaign() {
            Campaign active = CampaignFixtures.active();
            boolean[] ran = {false};

            assertThatThrownBy(() -> active.edit(c -> ran[0] = true, LATER))
                    .isInstanceOf(IllegalCampaignActionException.class);
            assertThat(ran[0]).isFalse();
        }

        @Test
        void an_active_campaign_cannot_be_deleted() {
            Campaign active = CampaignFixtures.active();

            assertThat(active.isDeletable()).isFalse();
            assertThatThrownBy(active::checkDeletable)
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(e.state()).isEqualTo(CampaignState.ACTIVE);
                        assertThat(e.action()).isEqualTo(CampaignAction.DELETE);
                        assertThat(e.getMessage()).contains("DELETE", "ACTIVE", "finish it first");
                    });
        }

        @Test
        void dispatch_pauses_resumes_and_completes_while_conversations_stay_open() {
            Campaign sending = CampaignFixtures.active();
            Campaign paused = sending.pause(PauseReason.CHANNEL_UNAVAILABLE, LATER);
            assertThat(paused.dispatch()).contains(new DispatchState.Paused(PauseReason.CHANNEL_UNAVAILABLE, LATER));
            assertThat(paused.state()).isEqualTo(CampaignState.ACTIVE);

            Campaign userPaused = paused.pause(PauseReason.BY_USER, LATER.plusSeconds(1));
            assertThat(userPaused.dispatch())
                    .contains(new DispatchState.Paused(PauseReason.BY_USER, LATER.plusSeconds(1)));
            assertThat(userPaused.pause(PauseReason.BY_USER, LATER.plusSeconds(2)))
                    .isSameAs(userPaused);

            Campaign resumed = userPaused.resume(LATER.plusSeconds(3));
            assertThat(resumed.dispatch()).contains(new DispatchState.Sending(LATER.plusSeconds(3)));

            Campaign done = resumed.completeSending(LATER.plusSeconds(4));
            assertThat(done.dispatch()).contains(new DispatchState.Done(LATER.plusSeconds(4)));
            assertThat(done.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(done.version()).isEqualTo(sending.version() + 4);
        }

        @Test
        void resuming_before_the_planned_start_waits_again() {
            Instant start = T0.plus(Duration.ofDays(1));
            Campaign waiting = CampaignFixtures.ready()
                    .edit(
                            c -> c.deliveryPlan(
                                    DeliveryPlan.custom().startAt(start).build()),
                            T0)
                    .launch(T0);

            Campaign resumed = waiting.pause(PauseReason.BY_USER, LATER).resume(LATER.plusSeconds(1));

            assertThat(resumed.dispatch()).contains(new DispatchState.Waiting(start));
        }

        @Test
        void dispatch_actions_out_of_order_are_refused_naming_the_dispatch_state() {
            Campaign sending = CampaignFixtures.active();
            Campaign done = sending.completeSending(LATER);

            assertThatThrownBy(() -> sending.resume(LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.action()).isEqualTo(CampaignAction.RESUME);
                        assertThat(e.getMessage()).contains("RESUME", "ACTIVE (SENDING)");
                    });
            assertThatThrownBy(() -> sending.startSending(LATER)).isInstanceOf(IllegalCampaignActionException.class);
            assertThatThrownBy(() -> done.pause(PauseReason.BY_USER, LATER)).hasMessageContaining("ACTIVE (DONE)");
            assertThatThrownBy(() -> done.completeSending(LATER)).isInstanceOf(IllegalCampaignActionException.class);
            assertThatThrownBy(() -> CampaignFixtures.ready().pause(PauseReason.BY_USER, LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.state()).isEqualTo(CampaignState.READY));
        }
    }

    @Nested
    class Preparing {

        @Test
        void launching_with_the_audience_to_add_is_active_and_preparing_and_refuses_sending() {
            Campaign preparing = CampaignFixtures.ready().launchPreparing("engine-a", LATER);

            assertThat(preparing.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(preparing.launchedAt()).contains(LATER);
            assertThat(preparing.dispatch()).contains(new DispatchState.Preparing("engine-a", LATER, LATER));
            assertThat(preparing.isPreparing()).isTrue();
            assertThatThrownBy(() -> preparing.pause(PauseReason.BY_USER, LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.getMessage()).contains("PAUSE", "ACTIVE (PREPARING)"));
            assertThatThrownBy(() -> preparing.completeSending(LATER))
                    .isInstanceOf(IllegalCampaignActionException.class);
            assertThatThrownBy(() -> preparing.launchPreparing("engine-b", LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.getMessage()).contains("already launched"));
        }

        @Test
        void a_preparer_renews_its_heartbeat_or_another_takes_over() {
            Campaign preparing = CampaignFixtures.ready().launchPreparing("engine-a", T0);

            Campaign renewed = preparing.renewPreparation("engine-b", LATER);

            assertThat(renewed.dispatch()).contains(new DispatchState.Preparing("engine-b", T0, LATER));
            assertThat(renewed.version()).isEqualTo(preparing.version() + 1);
            assertThatThrownBy(() -> CampaignFixtures.active().renewPreparation("engine-b", LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.action()).isEqualTo(CampaignAction.PREPARE));
        }

        @Test
        void completing_the_preparation_sends_now_or_waits_for_the_planned_start() {
            Instant start = T0.plus(Duration.ofDays(1));
            Campaign now =
                    CampaignFixtures.ready().launchPreparing("engine-a", T0).completePreparation(LATER);
            Campaign scheduled = CampaignFixtures.ready()
                    .edit(
                            c -> c.deliveryPlan(
                                    DeliveryPlan.custom().startAt(start).build()),
                            T0)
                    .launchPreparing("engine-a", T0)
                    .completePreparation(LATER);

            assertThat(now.dispatch()).contains(new DispatchState.Sending(LATER));
            assertThat(scheduled.dispatch()).contains(new DispatchState.Waiting(start));
            assertThatThrownBy(() -> now.completePreparation(LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.action()).isEqualTo(CampaignAction.COMPLETE_PREPARATION));
        }

        @Test
        void a_heartbeat_before_the_preparation_began_is_refused() {
            assertThatThrownBy(() -> new DispatchState.Preparing("engine-a", LATER, T0))
                    .isInstanceOf(io.campaignkit.core.InvalidArgumentException.class)
                    .hasMessageContaining("heartbeat");
        }
    }

    @Nested
    class Finishing {

        @Test
        void finishing_stops_dispatch_first_and_keeps_its_first_reason_and_instant() {
            Campaign finishing = CampaignFixtures.active().startFinishing(FinishReason.BY_USER, LATER);

            assertThat(finishing.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(finishing.dispatch()).contains(new DispatchState.Finishing(FinishReason.BY_USER, LATER));
            assertThat(finishing.isFinishing()).isTrue();
            assertThat(finishing.startFinishing(FinishReason.END_REACHED, LATER.plusSeconds(5)))
                    .isSameAs(finishing);
            assertThatThrownBy(() -> finishing.resume(LATER)).isInstanceOf(IllegalCampaignActionException.class);
            assertThatThrownBy(() -> finishing.pause(PauseReason.BY_USER, LATER))
                    .hasMessageContaining("ACTIVE (FINISHING(BY_USER))");
            assertThatThrownBy(() -> finishing.edit(c -> c.name("x"), LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.code()).isEqualTo(IllegalCampaignActionException.CAMPAIGN_FROZEN));
            assertThat(finishing.isDeletable()).isFalse();

            Campaign finished = finishing.finish(FinishReason.COMPLETED, LATER.plusSeconds(9));

            assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
            assertThat(finished.finishReason()).contains(FinishReason.BY_USER);
            assertThat(finished.finishedAt()).contains(LATER);
            assertThat(finished.updatedAt()).isEqualTo(LATER.plusSeconds(9));
        }

        @Test
        void a_preparing_campaign_may_be_finished_but_a_finished_one_never_starts_finishing() {
            Campaign preparing = CampaignFixtures.ready().launchPreparing("engine-a", T0);

            assertThat(preparing.startFinishing(FinishReason.BY_USER, LATER).dispatch())
                    .contains(new DispatchState.Finishing(FinishReason.BY_USER, LATER));
            assertThatThrownBy(() -> CampaignFixtures.finished().startFinishing(FinishReason.BY_USER, LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.action()).isEqualTo(CampaignAction.START_FINISHING);
                        assertThat(e.getMessage()).contains("FINISHED", "already finished");
                    });
            assertThatThrownBy(() -> CampaignFixtures.ready().startFinishing(FinishReason.BY_USER, LATER))
                    .hasMessageContaining("delete it instead");
        }

        @Test
        void preparing_and_finishing_campaigns_round_trip_through_a_snapshot() {
            Campaign preparing =
                    CampaignFixtures.ready().launchPreparing("engine-a", T0).renewPreparation("engine-b", LATER);
            Campaign finishing = preparing.startFinishing(FinishReason.END_REACHED, LATER);

            assertThat(Campaign.restore(preparing.snapshot())).isEqualTo(preparing);
            assertThat(Campaign.restore(finishing.snapshot())).isEqualTo(finishing);
        }
    }

    @Nested
    class Finished {

        @Test
        void finishing_an_active_campaign_records_when_and_why_and_ends_dispatch() {
            Campaign finished = CampaignFixtures.active().finish(FinishReason.END_REACHED, LATER);

            assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
            assertThat(finished.finishedAt()).contains(LATER);
            assertThat(finished.finishReason()).contains(FinishReason.END_REACHED);
            assertThat(finished.dispatch()).isEmpty();
        }

        @Test
        void a_finished_campaign_can_never_be_launched_again() {
            Campaign finished = CampaignFixtures.finished();

            assertThatThrownBy(() -> finished.launch(LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(e.state()).isEqualTo(CampaignState.FINISHED);
                        assertThat(e.action()).isEqualTo(CampaignAction.LAUNCH);
                        assertThat(e.getMessage()).contains("never launched again");
                    });
        }

        @Test
        void a_finished_campaign_refuses_every_other_action() {
            Campaign finished = CampaignFixtures.finished();

            assertThatThrownBy(() -> finished.edit(c -> c.name("x"), LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(e.action()).isEqualTo(CampaignAction.EDIT);
                    });
            assertThatThrownBy(() -> finished.finish(FinishReason.BY_USER, LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.action()).isEqualTo(CampaignAction.FINISH));
            assertThatThrownBy(() -> finished.pause(PauseReason.BY_USER, LATER))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            e -> assertThat(e.state()).isEqualTo(CampaignState.FINISHED));
            assertThatThrownBy(() -> finished.resume(LATER)).isInstanceOf(IllegalCampaignActionException.class);
            assertThatThrownBy(() -> finished.startSending(LATER)).isInstanceOf(IllegalCampaignActionException.class);
            assertThatThrownBy(() -> finished.completeSending(LATER))
                    .isInstanceOf(IllegalCampaignActionException.class);
        }

        @Test
        void only_an_active_campaign_can_be_finished() {
            assertThatThrownBy(() -> CampaignFixtures.ready().finish(FinishReason.BY_USER, LATER))
                    .isInstanceOfSatisfying(IllegalCampaignActionException.class, e -> {
                        assertThat(e.state()).isEqualTo(CampaignState.READY);
                        assertThat(e.action()).isEqualTo(CampaignAction.FINISH);
                    });
            assertThatThrownBy(() -> CampaignFixtures.draft().finish(FinishReason.BY_USER, LATER))
                    .isInstanceOf(IllegalCampaignActionException.class);
        }
    }

    @Test
    void draft_ready_and_finished_campaigns_may_be_deleted() {
        for (Campaign campaign :
                new Campaign[] {CampaignFixtures.draft(), CampaignFixtures.ready(), CampaignFixtures.finished()}) {
            assertThat(campaign.isDeletable()).isTrue();
            campaign.checkDeletable();
        }
    }

    @Test
    void test_campaigns_follow_the_same_lifecycle() {
        Campaign test =
                Campaign.create(ID, "acme", "cobranza", CampaignKind.TEST, CampaignFixtures.testConfiguration(), T0);
        assertThat(test.state()).isEqualTo(CampaignState.READY);

        Campaign active = test.launch(LATER);
        assertThatThrownBy(() -> active.edit(c -> c.name("x"), LATER))
                .isInstanceOfSatisfying(
                        IllegalCampaignActionException.class,
                        e -> assertThat(e.code()).isEqualTo("CAMPAIGN_FROZEN"));
        Campaign finished = active.finish(FinishReason.BY_USER, LATER);
        assertThatThrownBy(() -> finished.launch(LATER)).isInstanceOf(IllegalCampaignActionException.class);
    }

    @Test
    void a_test_campaign_with_a_live_audience_is_a_draft() {
        Campaign test = Campaign.create(
                ID,
                "acme",
                "cobranza",
                CampaignKind.TEST,
                CampaignFixtures.testConfiguration().toBuilder()
                        .audience(AudienceReference.importedList("junio.xlsx"))
                        .build(),
                T0);

        assertThat(test.state()).isEqualTo(CampaignState.DRAFT);
        assertThat(test.edit(c -> c.audience(AudienceReference.testNumbers(PhoneNumber.parse("+525512345678"))), LATER)
                        .state())
                .isEqualTo(CampaignState.READY);
    }

    @Test
    void every_accepted_action_raises_the_version_by_one() {
        Campaign campaign = CampaignFixtures.draft();
        campaign = campaign.reconfigure(CampaignFixtures.liveConfiguration(), T0);
        assertThat(campaign.version()).isEqualTo(1);
        campaign = campaign.launch(T0);
        assertThat(campaign.version()).isEqualTo(2);
        campaign = campaign.pause(PauseReason.BY_USER, T0);
        assertThat(campaign.version()).isEqualTo(3);
        campaign = campaign.finish(FinishReason.BY_USER, T0);
        assertThat(campaign.version()).isEqualTo(4);
    }
}
