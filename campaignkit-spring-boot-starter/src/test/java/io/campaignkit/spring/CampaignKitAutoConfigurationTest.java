package io.campaignkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.micrometer.CampaignKitMetrics;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CampaignKitAutoConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DataSourceAutoConfiguration.class, CampaignKitAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true")
            .withBean(TestCampaigns.BOT, BotFlow.class, () -> (context, message, reply) -> {});

    @Test
    void theDefaultsStartOnH2WithTheSimulatedChannel() {
        contexts.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(CampaignEngine.class)
                    .hasSingleBean(JdbcCampaignStore.class)
                    .hasSingleBean(CampaignKitRunner.class)
                    .doesNotHaveBean(CampaignKitMetrics.class);
            assertThat(context.getBean(CampaignKitChannels.class).registry().channelIds())
                    .containsExactly("simulated");
            assertThat(context.getBean(JdbcCampaignStore.class).dialect().toString())
                    .containsIgnoringCase("h2");
            assertThat(context.getBean(CampaignKitRunner.class).isRunning()).isTrue();
        });
    }

    @Test
    void botFlowBeansAreFoundUnderTheirBeanNames() {
        contexts.run(
                context -> assertThat(context.getBean(BotFlowRegistry.class).find(TestCampaigns.BOT))
                        .isPresent());
    }

    @Test
    void theApplicationsOwnBeansReplaceTheStartersOnes() {
        BotFlowRegistry own = id -> java.util.Optional.empty();
        contexts.withBean("ownRegistry", BotFlowRegistry.class, () -> own)
                .withPropertyValues("campaignkit.runner.enabled=false")
                .run(context -> {
                    assertThat(context.getBean(BotFlowRegistry.class)).isSameAs(own);
                    assertThat(context).doesNotHaveBean(CampaignKitRunner.class);
                });
    }

    @Test
    void aContactAvailabilityBeanTellsTheEngineWhoIsBusy() {
        PhoneNumber busy = PhoneNumber.parse("+525500000002");
        contexts.withBean(
                        ContactAvailability.class,
                        () -> (tenant, sender, phones) ->
                                phones.contains(busy) ? java.util.Set.of(busy) : java.util.Set.of())
                .withBean(ExclusivityPolicy.class, () -> ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT))
                .withPropertyValues("campaignkit.runner.enabled=false")
                .run(context -> {
                    CampaignEngine engine = context.getBean(CampaignEngine.class);
                    CampaignId id = TestCampaigns.launch(engine, "busy", "simulated", "+525500000001", busy.e164());
                    assertThat(engine.metrics(id).skippedByReason()).isEqualTo(java.util.Map.of("CONTACT_BUSY", 1L));
                });
    }

    @Test
    void aWrongValueStopsTheStartNamingTheProperty() {
        contexts.withPropertyValues("campaignkit.engine.max-in-flight=0")
                .run(
                        context -> assertThat(messages(context.getStartupFailure()))
                                .contains(
                                        "Property campaignkit.engine.max-in-flight with value '0' is invalid: must be at least 1"));
        contexts.withPropertyValues("campaignkit.webhooks.path-prefix=hooks/")
                .run(context ->
                        assertThat(messages(context.getStartupFailure())).contains("campaignkit.webhooks.path-prefix"));
        contexts.withPropertyValues("campaignkit.runner.shutdown-timeout=soon")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("campaignkit.runner.shutdown-timeout"));
    }

    @Test
    void aMissingChannelSettingNamesItsKeyAndNeverASecret() {
        contexts.withPropertyValues(
                        "campaignkit.channels.whatsapp-cloud.phone-number-id=109876543210",
                        "campaignkit.channels.whatsapp-cloud.app-secret=s3cr3t-app-value",
                        "campaignkit.channels.whatsapp-cloud.verify-token=s3cr3t-verify-value")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    String messages = messages(failure);
                    assertThat(messages)
                            .contains("campaignkit.channels.whatsapp-cloud")
                            .contains("access-token")
                            .doesNotContain("s3cr3t");
                });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void configuredChannelsAreCreatedFromTheirProperties() {
        contexts.withPropertyValues(
                        "campaignkit.channels.whatsapp-cloud.phone-number-id=109876543210",
                        "campaignkit.channels.whatsapp-cloud.access-token=token",
                        "campaignkit.channels.whatsapp-cloud.app-secret=app",
                        "campaignkit.channels.whatsapp-cloud.verify-token=verify",
                        "campaignkit.channels.simulated.enabled=true")
                .run(context -> assertThat(context.getBean(CampaignKitChannels.class)
                                .registry()
                                .channelIds())
                        .containsExactlyInAnyOrder("whatsapp-cloud", "simulated"));
    }

    @Test
    void withAMeterRegistryTheChannelsAndTheEngineAreMetered() {
        contexts.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(CampaignKitAutoConfiguration.CALLBACK_EXECUTOR, Executor.class, () -> Runnable::run)
                .run(context -> {
                    assertThat(context).hasSingleBean(CampaignKitMetrics.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    CampaignEngine engine = context.getBean(CampaignEngine.class);
                    CampaignId id = TestCampaigns.launch(engine, "metered", "simulated", "+525500000001");

                    assertThat(registry.find("campaignkit.campaign.recipients")
                                    .tag("campaign", id.value())
                                    .gauges())
                            .hasSize(8);
                    assertThat(context.getBean(CampaignKitMetrics.class).trackedCampaigns())
                            .contains(id);
                });
    }

    /** A channel whose sends are answered only when the test says so. */
    static final class HeldChannel implements ChannelAdapter {
        final CompletableFuture<SendReceipt> answer = new CompletableFuture<>();
        final CountDownLatch sent = new CountDownLatch(1);

        @Override
        public String id() {
            return "held";
        }

        @Override
        public ChannelCapabilities capabilities() {
            return SimulatedChannel.withClock(java.time.Clock.systemUTC()).capabilities();
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            sent.countDown();
            return answer;
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return WebhookResult.ok(List.of());
        }
    }

    @Test
    void shutdownStopsClaimingAndWaitsForTheSendsInFlight() {
        HeldChannel held = new HeldChannel();
        contexts.withBean(ChannelAdapter.class, () -> held).run(context -> {
            CampaignEngine engine = context.getBean(CampaignEngine.class);
            CampaignId id = TestCampaigns.launch(engine, "draining", "held", "+525500000001");
            assertThat(held.sent.await(30, TimeUnit.SECONDS))
                    .as("the runner sent")
                    .isTrue();
            CampaignKitRunner runner = context.getBean(CampaignKitRunner.class);

            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(runner::drain);
            assertThat(drained).as("waits while the send is in flight").isNotDone();
            held.answer.complete(new SendReceipt("wamid.1", Instant.now()));

            assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(runner.isRunning()).isFalse();
            assertThat(engine.inFlight()).isZero();
            assertThat(engine.recipients(id, -1, 10))
                    .singleElement()
                    .satisfies(recipient -> assertThat(recipient.state()).isEqualTo(DeliveryState.SENT));
        });
    }

    @Test
    void shutdownWaitsForTheListenersAndBotsStillRunning() {
        CountDownLatch heard = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CampaignListener slow = new CampaignListener() {
            @Override
            public void onLifecycleEvent(CampaignLifecycleEvent event) {
                heard.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS); // writing the event to the application's tables
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        contexts.withBean(CampaignListener.class, () -> slow).run(context -> {
            CampaignEngine engine = context.getBean(CampaignEngine.class);
            TestCampaigns.launch(engine, "listened", "simulated", "+525500000001");
            assertThat(heard.await(30, TimeUnit.SECONDS)).isTrue();
            CampaignKitRunner runner = context.getBean(CampaignKitRunner.class);

            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(runner::drain);
            assertThat(engine.awaitCallbacks(java.time.Duration.ZERO))
                    .as("the listener is still running")
                    .isFalse();
            assertThatThrownBy(() -> drained.get(1, TimeUnit.SECONDS))
                    .as("the drain waits for the listener (a drain that did not would have returned by now)")
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            release.countDown();

            assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.awaitCallbacks(java.time.Duration.ZERO))
                    .as("the drain returned after the listener's call")
                    .isTrue();
        });
    }

    @Test
    void shutdownGivesUpAfterItsTimeout() {
        HeldChannel held = new HeldChannel();
        contexts.withBean(ChannelAdapter.class, () -> held)
                .withPropertyValues("campaignkit.runner.shutdown-timeout=50ms")
                .run(context -> {
                    TestCampaigns.launch(context.getBean(CampaignEngine.class), "stuck", "held", "+525500000001");
                    assertThat(held.sent.await(30, TimeUnit.SECONDS)).isTrue();

                    assertThat(context.getBean(CampaignKitRunner.class).drain()).isFalse();
                });
    }
}
