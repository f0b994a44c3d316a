package io.campaignkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.RecordingBot;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CampaignKitMetricsTest {

    private static final String FAILING = "+525500000003";

    private final MockClock meterClock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, meterClock);
    private final CampaignKitMetrics metrics = CampaignKitMetrics.on(registry);
    private final ManualClock clock = ManualClock.ofDefaults();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final CampaignEngine engine = CampaignEngine.builder()
            .storage(new InMemoryCampaignStore().storage())
            .channel(metrics.meter(channel))
            .listener(metrics.listener())
            .botFlows(BotFlowRegistry.of(Map.of("bot", new RecordingBot())))
            .clock(clock)
            .callbackExecutor(Runnable::run)
            .build();
    private final CampaignId id = CampaignId.of("metrics-1");

    private void launchThree() {
        channel.deliverWebhooksTo(request -> engine.handleWebhook(channel.id(), request));
        channel.scriptNumber(FAILING, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        metrics.bindTo(engine);
        engine.create(
                id,
                "t",
                "p",
                CampaignKind.LIVE,
                CampaignConfiguration.custom()
                        .name("Metrics")
                        .botFlowId("bot")
                        .channel(channel.id(), "sender-1")
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                        .audience(AudienceReference.importedList("list"))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                        .build());
        engine.launch(
                id,
                LaunchRequest.importedContacts(
                        List.of(contact("+525500000001"), contact("+525500000002"), contact(FAILING))));
        for (int i = 0; i < 20; i++) {
            engine.runDue();
            channel.deliverDueEvents();
            clock.advance(Duration.ofSeconds(5));
        }
    }

    private static Contact contact(String phone) {
        return Contact.builder(PhoneNumber.parse(phone)).name("Ana").build();
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void aMeteredAdapterPassesTheAdaptersPreflightThrough() {
        io.campaignkit.channel.PreflightProblem problem = new io.campaignkit.channel.PreflightProblem(
                io.campaignkit.channel.PreflightProblem.SENDER, "not this sender");
        io.campaignkit.channel.ChannelAdapter picky = new io.campaignkit.channel.ChannelAdapter() {
            @Override
            public String id() {
                return "picky";
            }

            @Override
            public io.campaignkit.channel.ChannelCapabilities capabilities() {
                return io.campaignkit.channel.ChannelCapabilities.custom().build();
            }

            @Override
            public java.util.concurrent.CompletionStage<io.campaignkit.channel.SendReceipt> send(
                    io.campaignkit.channel.OutboundMessage message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public io.campaignkit.channel.webhook.WebhookResult handleWebhook(WebhookRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<io.campaignkit.channel.PreflightProblem> preflight(io.campaignkit.channel.MessagePlan plan) {
                return List.of(problem);
            }
        };
        io.campaignkit.channel.MessagePlan plan =
                new io.campaignkit.channel.MessagePlan("s", io.campaignkit.channel.TextContent.of("Hola"));
        assertThat(metrics.meter(picky).preflight(plan)).containsExactly(problem);
    }

    @Test
    void sendsAreCountedAndTimedByChannelAndOutcomeClass() {
        launchThree();

        assertThat(counter(MeterNames.SENDS, "channel", "simulated", "outcome", "accepted"))
                .isEqualTo(2);
        assertThat(counter(MeterNames.SENDS, "channel", "simulated", "outcome", "recipient_permanent"))
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.SEND_LATENCY).tags("channel", "simulated").timers().stream()
                        .mapToLong(Timer::count)
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void webhooksAreCountedByResultAndStatusEventsByStatus() {
        launchThree();
        assertThat(counter(MeterNames.WEBHOOKS, "channel", "simulated", "result", "accepted"))
                .isPositive();
        assertThat(counter(MeterNames.STATUS_EVENTS, "status", "delivered")).isEqualTo(2);

        byte[] body = "forged".getBytes(StandardCharsets.UTF_8);
        engine.handleWebhook(
                channel.id(),
                WebhookRequest.post(
                        URI.create("https://host.example/hooks/simulated"),
                        WebhookHeaders.of(Map.of(SimulatedChannel.SIGNATURE_HEADER, List.of("sha256=00"))),
                        body));

        assertThat(counter(MeterNames.WEBHOOKS, "channel", "simulated", "result", "refused"))
                .isEqualTo(1);
    }

    @Test
    void repliesAreCounted() {
        launchThree();
        channel.scheduleInbound("+525500000001", "sender-1", "SI", Duration.ZERO);
        channel.deliverDueEvents();

        assertThat(counter(MeterNames.REPLIES)).isEqualTo(1);
    }

    @Test
    void anActiveCampaignHasOneGaugePerStateUntilItFinishes() {
        launchThree();

        assertThat(metrics.trackedCampaigns()).containsExactly(id);
        assertThat(gauge("sent")).isEqualTo(2);
        assertThat(gauge("delivered")).isEqualTo(2);
        assertThat(gauge("failed")).isEqualTo(1);
        assertThat(gauge("pending")).isZero();
        assertThat(registry.find(MeterNames.CAMPAIGN_RECIPIENTS).gauges()).hasSize(8);

        engine.finish(id);

        assertThat(registry.find(MeterNames.CAMPAIGN_RECIPIENTS).gauges()).isEmpty();
        assertThat(metrics.trackedCampaigns()).isEmpty();
    }

    @Test
    void oneScrapeReadsTheCampaignOncePerSnapshotAge() {
        launchThree();
        assertThat(gauge("sent")).isEqualTo(2);
        channel.scheduleInbound("+525500000001", "sender-1", "SI", Duration.ZERO);
        channel.deliverDueEvents();

        assertThat(gauge("replied")).as("still the snapshot read a moment ago").isZero();
        meterClock.add(CampaignGauges.SNAPSHOT_AGE);
        assertThat(gauge("replied")).isEqualTo(1);
    }

    @Test
    void noTagHoldsAPhoneNumber() {
        launchThree();
        List<String> values = registry.getMeters().stream()
                .map(Meter::getId)
                .flatMap(meterId -> meterId.getTags().stream())
                .map(Tag::getValue)
                .toList();

        assertThat(values).isNotEmpty().noneMatch(value -> value.contains("55000000"));
    }

    @Test
    void theRunnerTimesEachPass() throws InterruptedException {
        launchThree();
        CountDownLatch passes = new CountDownLatch(2);
        CampaignRunner.RunObserver timer = metrics.runObserver();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, Duration.ofMillis(1), (took, failed) -> {
            timer.passCompleted(took, failed);
            passes.countDown();
        })) {
            assertThat(passes.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }

        assertThat(registry.get(MeterNames.ENGINE_PASS)
                        .tags("result", "ok")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    private double gauge(String state) {
        return registry.get(MeterNames.CAMPAIGN_RECIPIENTS)
                .tags("campaign", id.value(), "state", state)
                .gauge()
                .value();
    }
}
