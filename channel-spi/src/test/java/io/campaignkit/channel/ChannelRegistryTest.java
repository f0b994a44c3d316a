package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRegistryTest {

    @Test
    void discoversProvidersWithServiceLoaderAndCreatesTypedAdapters() {
        ChannelRegistry registry = ChannelRegistry.withDiscoveredProviders();

        ChannelAdapter adapter = registry.resolve("echo", ChannelSettings.of(Map.of("prefix", "E-")));

        assertThat(registry.channelIds()).containsExactly("echo");
        assertThat(adapter).isInstanceOf(EchoAdapter.class);
        assertThat(((EchoAdapter) adapter).prefix).isEqualTo("E-");
    }

    @Test
    void anAdapterRegisteredByHandWinsOverADiscoveredOne() {
        EchoAdapter byHand = new EchoAdapter("HAND-");
        ChannelRegistry registry = ChannelRegistry.withDiscoveredProviders().register(byHand);

        assertThat(registry.resolve("echo", ChannelSettings.of(Map.of()))).isSameAs(byHand);
        assertThat(registry.registeredAdapter("echo")).containsSame(byHand);
    }

    @Test
    void theChannelIdRuleIsStatedOnceAndTheRegistryAppliesIt() {
        assertThat(ChannelAdapter.isValidId("whatsapp-cloud")).isTrue();
        assertThat(ChannelAdapter.isValidId("acme.sms2")).isTrue();
        assertThat(ChannelAdapter.isValidId("WhatsApp")).isFalse();
        assertThat(ChannelAdapter.isValidId("-x")).isFalse();
        assertThat(ChannelAdapter.isValidId("a/b")).isFalse();
        assertThat(ChannelAdapter.isValidId(null)).isFalse();
        ChannelAdapter upperCase = new EchoAdapter("E-");
        assertThatThrownBy(() -> ChannelRegistry.empty().register(new ChannelAdapter() {
                    @Override
                    public String id() {
                        return "Echo";
                    }

                    @Override
                    public ChannelCapabilities capabilities() {
                        return upperCase.capabilities();
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<SendReceipt> send(OutboundMessage message) {
                        return upperCase.send(message);
                    }

                    @Override
                    public io.campaignkit.channel.webhook.WebhookResult handleWebhook(
                            io.campaignkit.channel.webhook.WebhookRequest request) {
                        return upperCase.handleWebhook(request);
                    }
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ChannelAdapter.ID_PATTERN)
                .hasMessageContaining("'Echo'");
    }

    @Test
    void unknownChannelsAndBadSettingsAreNamed() {
        ChannelRegistry registry = ChannelRegistry.withDiscoveredProviders();

        assertThatThrownBy(() -> registry.resolve("smoke-signals", ChannelSettings.of(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smoke-signals")
                .hasMessageContaining("echo");
        assertThatThrownBy(() -> registry.resolve("echo", ChannelSettings.of(Map.of())))
                .hasMessageContaining("'prefix'");
        assertThat(ChannelRegistry.empty().channelIds()).isEmpty();
    }

    @Test
    void twoDiscoveredProvidersWithOneIdAreRefusedNamingBoth(@TempDir Path extraClasspath) throws Exception {
        Path services = extraClasspath.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(ChannelAdapterProvider.class.getName()), SecondEchoProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {extraClasspath.toUri().toURL()}, getClass().getClassLoader())) {

            assertThatThrownBy(() -> ChannelRegistry.withDiscoveredProviders(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'echo'")
                    .hasMessageContaining(EchoProvider.class.getName())
                    .hasMessageContaining(SecondEchoProvider.class.getName());
        }
    }

    @Test
    void aProviderRegisteredByHandReplacesADiscoveredOne() {
        SecondEchoProvider replacement = new SecondEchoProvider();

        ChannelRegistry registry = ChannelRegistry.withDiscoveredProviders().registerProvider(replacement);

        assertThat(registry.provider("echo")).containsSame(replacement);
    }

    /** A second provider claiming the id "echo", listed only by the duplicate-id test. */
    public static final class SecondEchoProvider implements ChannelAdapterProvider<EchoConfiguration> {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public Class<EchoConfiguration> configurationType() {
            return EchoConfiguration.class;
        }

        @Override
        public EchoConfiguration configurationFrom(ChannelSettings settings) {
            return new EchoConfiguration("second-");
        }

        @Override
        public ChannelAdapter create(EchoConfiguration configuration) {
            return new EchoAdapter(configuration.prefix());
        }
    }

    /** Configuration of the test adapter. */
    public record EchoConfiguration(String prefix) {}

    /** The provider listed in this module's test META-INF/services. */
    public static final class EchoProvider implements ChannelAdapterProvider<EchoConfiguration> {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public Class<EchoConfiguration> configurationType() {
            return EchoConfiguration.class;
        }

        @Override
        public EchoConfiguration configurationFrom(ChannelSettings settings) {
            return new EchoConfiguration(settings.require("prefix"));
        }

        @Override
        public ChannelAdapter create(EchoConfiguration configuration) {
            return new EchoAdapter(configuration.prefix());
        }
    }

    static final class EchoAdapter implements ChannelAdapter {
        final String prefix;

        EchoAdapter(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String id() {
            return "echo";
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.custom().build();
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            return CompletableFuture.completedFuture(new SendReceipt(prefix + message.correlationId(), Instant.EPOCH));
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return WebhookResult.ok(List.of());
        }
    }
}
