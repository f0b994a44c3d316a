package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSettings;
import io.campaignkit.channel.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppCloudConfigTest {

    private static final String TOKEN = "EAAG-token-value";
    private static final String APP_SECRET = "app-secret-value";
    private static final String VERIFY = "verify-token-value";

    private static WhatsAppCloudConfig.Builder valid() {
        return WhatsAppCloudConfig.custom()
                .phoneNumberId("106540352242922")
                .accessToken(Secret.of(TOKEN))
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of(VERIFY));
    }

    private static Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("phone-number-id", "106540352242922");
        values.put("access-token", TOKEN);
        values.put("app-secret", APP_SECRET);
        values.put("verify-token", VERIFY);
        return values;
    }

    @Test
    void defaults() {
        WhatsAppCloudConfig config = valid().build();
        assertThat(config.apiVersion()).isEqualTo(WhatsAppCloudConfig.DEFAULT_API_VERSION);
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(config.maxMessagesPerSecond()).isEqualTo(80);
        assertThat(config.maxRequestsInFlight()).isEqualTo(256);
        assertThat(config.httpClient()).isEmpty();
        assertThat(config.perUserLimitAction()).isEqualTo(PerUserLimitAction.FAIL);
    }

    @Test
    void toStringRedactsEverySecret() {
        String text = valid().build().toString();
        assertThat(text)
                .contains("106540352242922")
                .doesNotContain(TOKEN)
                .doesNotContain(APP_SECRET)
                .doesNotContain(VERIFY)
                .contains("Secret[****]");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        assertThatThrownBy(() -> valid().phoneNumberId(null).build()).hasMessageContaining("phoneNumberId");
        assertThatThrownBy(() -> valid().phoneNumberId("+52 55").build()).hasMessageContaining("phoneNumberId");
        assertThatThrownBy(() -> valid().accessToken(null).build()).hasMessageContaining("accessToken");
        assertThatThrownBy(() -> valid().appSecret(null).build()).hasMessageContaining("appSecret");
        assertThatThrownBy(() -> valid().verifyToken(null).build()).hasMessageContaining("verifyToken");
        assertThatThrownBy(() -> valid().apiVersion("25").build()).hasMessageContaining("apiVersion");
        assertThatThrownBy(() -> valid().baseUrl(URI.create("/relative")).build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> valid().baseUrl(URI.create("ftp://x.example")).build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build()).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> valid().maxRequestsInFlight(0).build()).hasMessageContaining("maxRequestsInFlight");
        assertThatThrownBy(() -> valid().maxMessagesPerSecond(1001).build())
                .hasMessageContaining("maxMessagesPerSecond");
        assertThatThrownBy(() -> valid().maxMessagesPerSecond(0).build()).hasMessageContaining("maxMessagesPerSecond");
        assertThatThrownBy(() -> valid().maxWebhookBodyBytes(0).build()).hasMessageContaining("maxWebhookBodyBytes");
        assertThatThrownBy(() -> valid().clock(null).build()).hasMessageContaining("clock");
        assertThat(valid().maxMessagesPerSecond(1000).build().maxMessagesPerSecond())
                .isEqualTo(1000);
    }

    @Test
    void fromSettingsReadsEveryKey() {
        Map<String, String> values = settings();
        values.put("api-version", "v23.0");
        values.put("base-url", "http://127.0.0.1:9999/graph");
        values.put("connect-timeout", "PT2S");
        values.put("request-timeout", "1500");
        values.put("max-requests-in-flight", "512");
        values.put("max-messages-per-second", "1000");
        values.put("max-webhook-body-bytes", "65536");
        values.put("per-user-limit-action", "retry-later");

        WhatsAppCloudConfig config = WhatsAppCloudConfig.fromSettings(ChannelSettings.of(values));

        assertThat(config.apiVersion()).isEqualTo("v23.0");
        assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/graph"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.maxRequestsInFlight()).isEqualTo(512);
        assertThat(config.maxMessagesPerSecond()).isEqualTo(1000);
        assertThat(config.maxWebhookBodyBytes()).isEqualTo(65536);
        assertThat(config.perUserLimitAction()).isEqualTo(PerUserLimitAction.RETRY_LATER);
        assertThat(config.accessToken().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void fromSettingsNamesTheBadKeyButNeverASecret() {
        Map<String, String> missing = settings();
        missing.remove("access-token");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(missing)))
                .hasMessageContaining("access-token")
                .hasMessageNotContaining(APP_SECRET);

        Map<String, String> badNumber = settings();
        badNumber.put("max-requests-in-flight", "many");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(badNumber)))
                .hasMessageContaining("max-requests-in-flight");

        Map<String, String> badAction = settings();
        badAction.put("per-user-limit-action", "hold-sender");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(badAction)))
                .hasMessageContaining("per-user-limit-action")
                .hasMessageContaining("hold-sender");

        Map<String, String> tooFast = settings();
        tooFast.put("max-messages-per-second", "5000");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(tooFast)))
                .hasMessageContaining("maxMessagesPerSecond")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void discoveredThroughServiceLoaderAndCreatedFromSettings() {
        ChannelRegistry registry =
                ChannelRegistry.withDiscoveredProviders(getClass().getClassLoader());

        assertThat(registry.provider("whatsapp-cloud"))
                .get()
                .extracting(provider -> provider.configurationType())
                .isEqualTo(WhatsAppCloudConfig.class);
        try (ChannelAdapter adapter = registry.resolve("whatsapp-cloud", ChannelSettings.of(settings()))) {
            assertThat(adapter).isInstanceOf(WhatsAppCloudAdapter.class);
            assertThat(adapter.id()).isEqualTo("whatsapp-cloud");
        }
    }

    @Test
    void providerRefusesNullArguments() {
        WhatsAppCloudAdapterProvider provider = new WhatsAppCloudAdapterProvider();
        assertThatThrownBy(() -> provider.configurationFrom(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings");
        assertThatThrownBy(() -> provider.create((WhatsAppCloudConfig) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config");
    }

    @Test
    void oneRequestInFlightIsTheFewestAndAHostsHttpClientIsKeptAndNamed() {
        assertThat(valid().maxRequestsInFlight(1).build().maxRequestsInFlight()).isEqualTo(1);
        assertThat(valid().maxWebhookBodyBytes(1).build().maxWebhookBodyBytes()).isEqualTo(1);

        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        WhatsAppCloudConfig supplied = valid().httpClient(client).build();
        assertThat(supplied.httpClient()).containsSame(client);
        assertThat(supplied.toString()).contains("httpClient=supplied by the host");
        assertThat(valid().build().toString()).contains("httpClient=built by the adapter");
    }

    @Test
    void fromSettingsReadsTheCredentialsCheckAsTrueOrFalseAndNamesTheKindOfNumber() {
        Map<String, String> off = settings();
        off.put("check-credentials-at-launch", " false ");
        assertThat(WhatsAppCloudConfig.fromSettings(ChannelSettings.of(off)).checkCredentialsAtLaunch())
                .isFalse();
        Map<String, String> on = settings();
        on.put("check-credentials-at-launch", "true");
        assertThat(WhatsAppCloudConfig.fromSettings(ChannelSettings.of(on)).checkCredentialsAtLaunch())
                .isTrue();
        Map<String, String> maybe = settings();
        maybe.put("check-credentials-at-launch", "yes");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(maybe)))
                .hasMessageContaining("check-credentials-at-launch")
                .hasMessageContaining("must be true or false (was 'yes')");

        Map<String, String> halfRequest = settings();
        halfRequest.put("max-requests-in-flight", "1.5");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(halfRequest)))
                .hasMessageContaining("'max-requests-in-flight' must be a whole number (was '1.5')");
        Map<String, String> wordRate = settings();
        wordRate.put("max-messages-per-second", "fast");
        assertThatThrownBy(() -> WhatsAppCloudConfig.fromSettings(ChannelSettings.of(wordRate)))
                .hasMessageContaining("'max-messages-per-second' must be a number (was 'fast')");
        Map<String, String> halfRate = settings();
        halfRate.put("max-messages-per-second", " 2.5 ");
        assertThat(WhatsAppCloudConfig.fromSettings(ChannelSettings.of(halfRate))
                        .maxMessagesPerSecond())
                .isEqualTo(2.5);
    }
}
