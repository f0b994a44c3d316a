package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.channel.simulated.SimulatedChannelConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capability 3: dispatch inside active hours, at the campaign's and the sender's pace, with bounded in-flight sends and error classes. */
class DispatchScenarioTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void neverSendsOutsideActiveHoursAndResumesByItselfAtTheNextOpening() {
        CampaignScenario scenario = CampaignScenario.custom()
                .startingAt(MONDAY_9)
                .bot(Fixtures.BOT, new RecordingBot())
                .build();
        ActiveHours hours = ActiveHours.builder(ZoneOffset.UTC)
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(9, 1))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)).andThen(c -> c.activeHours(hours)));

        scenario.launch(id, Fixtures.contacts(0, 100));
        scenario.runFor(Duration.ofHours(23));
        assertThat(scenario.channel().sends()).hasSize(60);
        scenario.runFor(Duration.ofHours(2)); // Tuesday 9:00-9:01
        assertThat(scenario.channel().sends()).hasSize(100);

        assertThat(scenario.channel().sends())
                .allSatisfy(
                        send -> assertThat(hours.isOpenAt(send.requestedAt())).isTrue());
        assertThat(scenario.channel().sends().get(60).requestedAt()).isEqualTo(Instant.parse("2026-01-06T09:00:00Z"));
    }

    @Test
    void pacesToTheCampaignRatePlusItsBurstInEveryOneSecondWindow() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(20).withBurst(5)));

        scenario.launch(id, Fixtures.contacts(0, 400));
        scenario.runFor(Duration.ofSeconds(30));

        List<Instant> times = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(times).hasSize(400);
        assertThat(SendWindows.maxInAnyWindow(times, Duration.ofSeconds(1))).isLessThanOrEqualTo(25);
        assertThat(times.get(399)).isBefore(MONDAY_9.plusSeconds(21)); // at the rate, not slower
    }

    @Test
    void theDefaultPaceIsTwentyPerSecond() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 100));
        scenario.runFor(Duration.ofSeconds(10));
        List<Instant> times = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(SendWindows.maxInAnyWindow(times, Duration.ofSeconds(1))).isEqualTo(20);
    }

    @Test
    void aPacePerHourSpreadsTheSends() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perHour(360)));
        scenario.launch(id, Fixtures.contacts(0, 10));
        scenario.runFor(Duration.ofMinutes(2));
        List<Instant> times = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(times).hasSize(10);
        assertThat(SendWindows.maxInAnyWindow(times, Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void theSenderLimitIsSharedByEveryCampaignOnTheSender() {
        ChannelCapabilities slowSender =
                ChannelCapabilities.custom().maxMessagesPerSecond(10).build();
        CampaignScenario scenario = Fixtures.scenario().capabilities(slowSender).build();
        CampaignId a = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(20)));
        CampaignId b = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(20)));
        scenario.launch(a, Fixtures.contacts(0, 100));
        scenario.launch(b, Fixtures.contacts(100, 100));
        scenario.runFor(Duration.ofSeconds(30));

        List<Instant> times = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(times).hasSize(200);
        assertThat(SendWindows.maxInAnyWindow(times, Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
    }

    @Test
    void manySendsAreInFlightAtOnceButNoMoreThanTheBound() {
        CampaignScenario scenario = Fixtures.scenario()
                .maxInFlight(5)
                .defaultOutcome(Outcome.delivered(Duration.ofSeconds(1)).answeredAfter(Duration.ofSeconds(3)))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(100)));
        scenario.launch(id, Fixtures.contacts(0, 20));
        scenario.runFor(Duration.ofSeconds(30));

        List<Instant> times = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(times).hasSize(20);
        // each answer takes 3 s: within any 3 s, at most 5 sends were started, and 5 were
        assertThat(SendWindows.maxInAnyWindow(times, Duration.ofSeconds(3))).isEqualTo(5);
        assertThat(scenario.metrics(id).delivered()).isEqualTo(20);
    }

    @Test
    void rateLimitedWaitsTheRetryAfterWithoutUsingAnAttempt() {
        CampaignScenario scenario = Fixtures.scenario()
                .retryPolicy(RetryPolicy.custom().maxAttempts(1).build())
                .build();
        scenario.channel()
                .scriptNextSend(Outcome.failing(
                        Outcome.simulatedFailure(SendErrorClass.RATE_LIMITED).withRetryAfter(Duration.ofSeconds(7))));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(30));

        List<RecordedSend> sends = scenario.channel().sends();
        assertThat(sends).hasSize(2);
        assertThat(Duration.between(sends.get(0).requestedAt(), sends.get(1).requestedAt()))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void transientFailuresRetryWithBackoffThenFail() {
        RetryPolicy policy = RetryPolicy.custom()
                .maxAttempts(3)
                .initialBackoff(Duration.ofSeconds(2))
                .jitterFactor(0)
                .build();
        CampaignScenario scenario = Fixtures.scenario().retryPolicy(policy).build();
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(SendErrorClass.TRANSIENT));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofMinutes(5));

        List<Instant> times = scenario.channel().sends().stream()
                .map(RecordedSend::requestedAt)
                .toList();
        assertThat(times).containsExactly(MONDAY_9, MONDAY_9.plusSeconds(2), MONDAY_9.plusSeconds(6));
        var recipient = scenario.recipient(id, Fixtures.phone(0));
        assertThat(recipient.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(recipient.outcome().orElseThrow().code()).isEqualTo(SkipReasons.RETRIES_EXHAUSTED);
        assertThat(recipient.outcome().orElseThrow().permanent()).isFalse();
    }

    @Test
    void aLimitOnOneRecipientDelaysOnlyThatRecipientAndNoCampaignOnTheSenderWaits() {
        // A per-user limit (WhatsApp 131049/131056 when the host asks for retries) is TRANSIENT with a
        // retry-after: the recipient waits a day, the sender is not held.
        RetryPolicy policy = RetryPolicy.custom().maxAttempts(2).jitterFactor(0).build();
        CampaignScenario scenario = Fixtures.scenario().retryPolicy(policy).build();
        scenario.channel()
                .scriptNextSend(Outcome.failing(
                        Outcome.simulatedFailure(SendErrorClass.TRANSIENT).withRetryAfter(Duration.ofHours(24))));
        CampaignId first = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        CampaignId second = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        scenario.launch(first, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofSeconds(1));
        scenario.launch(second, Fixtures.contacts(100, 3));
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.channel().sendsTo(Fixtures.phone(0))).hasSize(1);
        assertThat(scenario.metrics(first).delivered()).isEqualTo(2);
        assertThat(scenario.metrics(second).delivered()).isEqualTo(3);
        var waiting = scenario.recipient(first, Fixtures.phone(0));
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.dueAt()).isEqualTo(MONDAY_9.plus(Duration.ofHours(24)));

        scenario.runFor(Duration.ofHours(24));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(0))).hasSize(2);
        assertThat(scenario.recipient(first, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aTransientFailureThatRecoversIsDelivered() {
        CampaignScenario scenario = Fixtures.scenario().build();
        scenario.channel().scriptNextSend(Outcome.failing(SendErrorClass.TRANSIENT));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofMinutes(1));
        assertThat(scenario.channel().sends()).hasSize(2);
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aRecipientPermanentFailureFailsAtOnce() {
        CampaignScenario scenario = Fixtures.scenario().build();
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.channel().sendsTo(Fixtures.phone(0))).hasSize(1);
        var recipient = scenario.recipient(id, Fixtures.phone(0));
        assertThat(recipient.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(recipient.outcome().orElseThrow().code()).isEqualTo("RECIPIENT_PERMANENT");
        assertThat(recipient.outcome().orElseThrow().providerCode()).contains("SIM-RECIPIENT_PERMANENT");
        // the export API carries the channel's own code apart from CampaignKit's classification
        var exported = scenario.engine().export(id, -1, 10);
        assertThat(exported).hasSize(2);
        assertThat(exported.get(0).providerError()).contains("SIM-RECIPIENT_PERMANENT");
        assertThat(exported.get(1).providerError()).isEmpty();
        assertThat(scenario.listener().recipientEvents(id)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(RecipientEvent.Type.FAILED);
            assertThat(e.code()).contains("RECIPIENT_PERMANENT");
        });
    }

    @Test
    void contentAndAuthenticationFailuresPauseTheCampaignWithTheReason() {
        for (SendErrorClass errorClass : List.of(SendErrorClass.CONTENT_PERMANENT, SendErrorClass.AUTHENTICATION)) {
            CampaignScenario scenario = Fixtures.scenario().build();
            scenario.channel().scriptNextSend(Outcome.failing(errorClass));
            CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
            scenario.launch(id, Fixtures.contacts(0, 3));
            scenario.runFor(Duration.ofSeconds(10));

            assertThat(scenario.campaign(id).dispatch())
                    .as(errorClass.name())
                    .hasValueSatisfying(d -> assertThat(((DispatchState.Paused) d).reason())
                            .isEqualTo(
                                    errorClass == SendErrorClass.CONTENT_PERMANENT
                                            ? io.campaignkit.core.campaign.PauseReason.CONTENT_REJECTED
                                            : io.campaignkit.core.campaign.PauseReason.CHANNEL_AUTHENTICATION));
            assertThat(scenario.channel().sends()).as(errorClass.name()).hasSize(1);
            assertThat(scenario.listener().lifecycleEvents(id))
                    .as(errorClass.name())
                    .anySatisfy(e -> assertThat(e.action().name()).isEqualTo("PAUSE"));
            assertThat(scenario.metrics(id).pending()).isEqualTo(3);

            scenario.engine().resume(id);
            scenario.runFor(Duration.ofSeconds(10));
            assertThat(scenario.metrics(id).delivered()).as(errorClass.name()).isEqualTo(3);
        }
    }

    @Test
    void anUnknownOutcomeIsRecordedAndNotResentAtMostOnce() {
        CampaignScenario scenario = Fixtures.scenario().build();
        scenario.channel().scriptNextSend(Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofMinutes(10));

        assertThat(scenario.channel().sends()).hasSize(1);
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.UNKNOWN);
        assertThat(scenario.metrics(id).unknown()).isEqualTo(1);
        assertThat(scenario.listener().recipientEvents(id)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(RecipientEvent.Type.UNKNOWN);
            assertThat(event.code()).contains("UNKNOWN_OUTCOME");
        });
    }

    @Test
    void anUnknownOutcomeIsResentWhenTheHostChoosesAtLeastOnce() {
        CampaignScenario scenario = Fixtures.scenario()
                .deliverySemantics(DeliverySemantics.AT_LEAST_ONCE)
                .build();
        scenario.channel().scriptNextSend(Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofMinutes(10));

        assertThat(scenario.channel().sends()).hasSize(2);
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void everyOutcomeIsRecordedAndSendingIsDoneAtTheEnd() {
        CampaignScenario scenario = Fixtures.scenario()
                .outcomeMix(io.campaignkit.channel.simulated.OutcomeMix.seeded(3)
                        .with(3, SimulatedChannelConfiguration.DEFAULT_OUTCOME)
                        .with(1, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT))
                        .with(1, Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME)))
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(50)));
        scenario.launch(id, Fixtures.contacts(0, 200));
        scenario.runFor(Duration.ofMinutes(1));

        var metrics = scenario.metrics(id);
        assertThat(metrics.pending() + metrics.sending()).isZero();
        assertThat(metrics.delivered() + metrics.failed() + metrics.unknown()).isEqualTo(200);
        assertThat(scenario.campaign(id).dispatch()).containsInstanceOf(DispatchState.Done.class);
    }
}
