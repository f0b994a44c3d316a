package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Capability 11: one entry point with defaults, and the production runner on a scheduler. */
class RunnerAndBuilderTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void theRunnerWakesUpAsSoonAsWorkIsSubmittedAndSends() throws Exception {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CountDownLatch sent = new CountDownLatch(1);
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(new InMemoryCampaignStore())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .listener(new CampaignListener() {
                    @Override
                    public void onRecipientEvent(RecipientEvent event) {
                        if (event.type() == RecipientEvent.Type.SENT) {
                            sent.countDown();
                        }
                    }
                })
                .build();
        // idle: with nothing to do the runner would next look in an hour
        try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, Duration.ofHours(1))) {
            CampaignConfiguration.Builder config =
                    CampaignConfiguration.custom().channel(channel.id(), "s");
            Fixtures.basic().accept(config);
            CampaignId id = CampaignId.of("run");
            engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
            engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));

            assertThat(sent.await(10, TimeUnit.SECONDS))
                    .as("sent long before the hour")
                    .isTrue();
            assertThat(channel.sends()).hasSize(1);
        }
    }

    @Test
    void aRunnerWithItsOwnThreadWaitsUntilTheCampaignSettledAndStopsTheThreadWhenClosed() throws Exception {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(new InMemoryCampaignStore())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel(channel.id(), "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("settle");
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        Thread runnerThread;
        try (CampaignRunner runner = CampaignRunner.start(engine)) {
            engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));

            assertThat(runner.awaitSettled(id, Duration.ofSeconds(30))).isTrue();
            assertThat(engine.metrics(id).sent()).isEqualTo(1);
            runnerThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("campaignkit-runner"))
                    .findFirst()
                    .orElseThrow();
            assertThat(runnerThread.isDaemon()).isTrue();
        }
        runnerThread.join(10_000);
        assertThat(runnerThread.isAlive())
                .as("close() stopped the runner's own thread")
                .isFalse();
    }

    @Test
    void aCampaignThatCannotSendDoesNotSettleAndTheWaitEndsAtItsTimeout() {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(new InMemoryCampaignStore())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel(channel.id(), "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("paused");
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        engine.pause(id);
        try (CampaignRunner runner = CampaignRunner.start(engine)) {
            assertThat(runner.awaitSettled(id, Duration.ofMillis(200))).isFalse();
            assertThat(engine.metrics(id).pending()).isEqualTo(1);
        }
    }

    @Test
    void createIfAbsentReturnsTheStoredCampaignOnASecondStartUp() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel(CampaignScenario.CHANNEL_ID, "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("daily");
        CampaignEngine engine = scenario.engine();

        var first = engine.createIfAbsent(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        var second = engine.createIfAbsent(
                id, "t", "p", CampaignKind.LIVE, config.name("changed").build());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.state()).isEqualTo(io.campaignkit.core.campaign.CampaignState.ACTIVE);
        assertThat(second.configuration().name()).contains("Campaign");
        assertThatThrownBy(() -> engine.createIfAbsent(id, "other", "p", CampaignKind.LIVE, config.build()))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("id"))
                .hasMessageContaining("another tenant");
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> CampaignEngine.builder()
                        .channel(SimulatedChannel.withClock(ManualClock.ofDefaults()))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("storage"));
        assertThatThrownBy(() -> CampaignEngine.builder()
                        .store(new InMemoryCampaignStore())
                        .build())
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("channels"));
        assertThatThrownBy(() -> CampaignEngine.builder().batchSize(5000))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("size"));
        assertThatThrownBy(() -> CampaignEngine.builder().leaseDuration(Duration.ZERO))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("duration"));
        assertThatThrownBy(() -> CampaignRunner.start(null, scheduler))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("engine");
    }

    @Test
    void aCampaignOnAChannelTheEngineDoesNotKnowIsReportedByName() {
        CampaignScenario scenario = Fixtures.scenario().build();
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel("twilio", "+1555")));
        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 1)))
                .isInstanceOfSatisfying(
                        io.campaignkit.core.CampaignKitException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_CHANNEL"))
                .hasMessageContaining("twilio");
        assertThat(scenario.campaign(id).state()).isEqualTo(io.campaignkit.core.campaign.CampaignState.READY);
    }

    @Test
    void aCampaignWhoseMessageItsChannelCannotCarryIsNotLaunched() {
        CampaignScenario scenario = Fixtures.scenario()
                .capabilities(io.campaignkit.channel.ChannelCapabilities.custom()
                        .templates(false)
                        .freeFormText(true)
                        .build())
                .build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 1)))
                .isInstanceOfSatisfying(
                        io.campaignkit.core.CampaignKitException.class,
                        e -> assertThat(e.code()).isEqualTo("CHANNEL_CANNOT_CARRY"));
    }

    @Test
    void aTemplateWithHeaderMediaItsChannelCannotCarryIsRefusedAtLaunchWithTheReason() {
        // a channel that takes templates but no header media (Twilio: media live in the Content template)
        CampaignScenario scenario = Fixtures.scenario()
                .capabilities(io.campaignkit.channel.ChannelCapabilities.custom()
                        .mediaKinds(java.util.Set.of())
                        .build())
                .build();
        io.campaignkit.core.template.TemplateMessage withVideo = io.campaignkit.core.template.TemplateMessage.builder(
                        io.campaignkit.core.template.ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"))
                .bind(io.campaignkit.core.template.Binding.contactName("cliente"))
                .headerMedia(io.campaignkit.core.template.HeaderMedia.link(
                        io.campaignkit.core.template.HeaderMedia.Type.VIDEO,
                        java.net.URI.create("https://cdn.example/v.mp4")))
                .build();
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.message(withVideo)));

        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 1)))
                .isInstanceOfSatisfying(
                        io.campaignkit.core.CampaignKitException.class,
                        e -> assertThat(e.code()).isEqualTo("CHANNEL_CANNOT_CARRY"))
                .hasMessageContaining("VIDEO header media")
                .hasMessageContaining("header media it accepts: none");
        assertThat(scenario.campaign(id).state()).isEqualTo(io.campaignkit.core.campaign.CampaignState.READY);
        assertThat(scenario.channel().sends()).isEmpty();
    }
}
