package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioConfigTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "s3cr3t-auth-token";

    private static TwilioConfig.Builder valid() {
        return TwilioConfig.custom()
                .accountSid(ACCOUNT)
                .authToken(TOKEN)
                .sender("+15005550006")
                .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"));
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("account-sid", ACCOUNT);
        settings.put("auth-token", TOKEN);
        settings.put("sender", "whatsapp:+14155238886");
        settings.put("status-callback-url", "https://hooks.example.com/twilio/status");
        return settings;
    }

    @Test
    void to_string_never_shows_the_auth_token() {
        TwilioConfig config = valid().contentTemplate("welcome", "es", "HX0123456789abcdef0123456789abcdef")
                .build();

        assertThat(config.toString()).doesNotContain(TOKEN).contains(ACCOUNT).contains("****");
        assertThat(config.authToken().reveal()).isEqualTo(TOKEN);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}/s")
    @CsvSource({
        "+15005550006, , LONG_CODE, 1",
        "+18005550006, TOLL_FREE, TOLL_FREE, 3",
        "+15005550006, SHORT_CODE, SHORT_CODE, 100",
        "89898, , SHORT_CODE, 100",
        "898981, SHORT_CODE, SHORT_CODE, 100",
        "whatsapp:+14155238886, , WHATSAPP, 80",
        "MG0123456789abcdef0123456789abcdef, WHATSAPP, WHATSAPP, 80"
    })
    void the_pace_defaults_to_the_sender_type(
            String sender, TwilioSenderType given, TwilioSenderType expected, double mps) {
        TwilioConfig config = valid().sender(sender).senderType(given).build();

        assertThat(config.senderType()).isEqualTo(expected);
        assertThat(config.messagesPerSecond()).isEqualTo(mps);
        try (TwilioChannelAdapter adapter = TwilioChannelAdapter.create(config)) {
            assertThat(adapter.capabilities().maxMessagesPerSecond()).isEqualTo(mps);
        }
    }

    @Test
    void the_pace_is_configurable() {
        assertThat(valid().senderType(TwilioSenderType.TOLL_FREE)
                        .messagesPerSecond(25)
                        .build()
                        .messagesPerSecond())
                .isEqualTo(25);
    }

    @Test
    void whatsapp_declares_the_customer_service_window_and_sms_does_not() {
        try (ChannelAdapter whatsApp = TwilioChannelAdapter.create(
                        valid().sender("whatsapp:+14155238886").build());
                ChannelAdapter sms = TwilioChannelAdapter.create(valid().build())) {
            ChannelCapabilities wa = whatsApp.capabilities();
            assertThat(wa.customerServiceWindow()).contains(Duration.ofHours(24));
            assertThat(wa.templates()).isTrue();
            assertThat(wa.maxBodyLength()).isEqualTo(1600);
            assertThat(sms.capabilities().customerServiceWindow()).isEmpty();
            assertThat(sms.id()).isEqualTo("twilio");
        }
    }

    @Test
    void every_missing_or_bad_value_is_named() {
        assertThatThrownBy(() -> valid().accountSid(null).build()).hasMessageContaining("accountSid");
        assertThatThrownBy(() -> valid().accountSid("AC123").build()).hasMessageContaining("accountSid");
        assertThatThrownBy(() -> valid().authToken((String) null).build()).hasMessageContaining("authToken");
        assertThatThrownBy(() -> valid().sender("5005550006").build()).hasMessageContaining("sender");
        assertThatThrownBy(() -> valid().sender("8989").build()).hasMessageContaining("short code");
        assertThatThrownBy(() -> valid().sender("89898")
                        .senderType(TwilioSenderType.LONG_CODE)
                        .build())
                .hasMessageContaining("senderType must be SHORT_CODE");
        assertThatThrownBy(() -> valid().sender("whatsapp:+14155238886")
                        .senderType(TwilioSenderType.LONG_CODE)
                        .build())
                .hasMessageContaining("senderType");
        assertThatThrownBy(() -> valid().sender("+14155238886")
                        .senderType(TwilioSenderType.WHATSAPP)
                        .build())
                .hasMessageContaining("whatsapp:+E164");
        assertThatThrownBy(() -> valid().statusCallbackUrl(null).build()).hasMessageContaining("statusCallbackUrl");
        assertThatThrownBy(
                        () -> valid().statusCallbackUrl(URI.create("/relative")).build())
                .hasMessageContaining("statusCallbackUrl");
        assertThatThrownBy(() -> valid().statusCallbackUrl(URI.create("https://my_hooks.example.com/s"))
                        .build())
                .hasMessageContaining("statusCallbackUrl");
        assertThatThrownBy(() -> valid().messagesPerSecond(0).build()).hasMessageContaining("messagesPerSecond");
        assertThatThrownBy(() -> valid().validityPeriod(Duration.ofHours(11)).build())
                .hasMessageContaining("validityPeriod");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build()).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> valid().maxConcurrentSends(0).build()).hasMessageContaining("maxConcurrentSends");
        assertThatThrownBy(() -> valid().contentTemplate("welcome", "es", "SID"))
                .hasMessageContaining("welcome");
        assertThatThrownBy(() -> TwilioChannelAdapter.create(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().authToken(TOKEN).accountSid("bad").build())
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(TOKEN);
    }

    @Test
    void content_sids_are_found_by_name_and_language_then_name() {
        TwilioConfig config = valid().contentTemplate("welcome", "es", "HX000000000000000000000000000000e5")
                .contentTemplate("welcome", null, "HX00000000000000000000000000000a11")
                .build();

        assertThat(config.contentSidFor("welcome", "es")).contains("HX000000000000000000000000000000e5");
        assertThat(config.contentSidFor("welcome", "en")).contains("HX00000000000000000000000000000a11");
        assertThat(config.contentSidFor("HX0123456789abcdef0123456789abcdef", "en"))
                .contains("HX0123456789abcdef0123456789abcdef");
        assertThat(config.contentSidFor("other", "en")).isEqualTo(Optional.empty());
    }

    @Test
    void the_provider_reads_every_setting() {
        Map<String, String> settings = settings();
        settings.put("sender-type", "whatsapp");
        settings.put("messages-per-second", "40");
        settings.put("public-webhook-base-url", "https://public.example.com/prefix");
        settings.put("api-base-url", "http://localhost:9999");
        settings.put("validity-period", "PT10M");
        settings.put("connect-timeout", "2000");
        settings.put("request-timeout", "PT5S");
        settings.put("max-concurrent-sends", "8");
        settings.put("max-queued-sends", "100");
        settings.put("content-template.welcome.es", "HX000000000000000000000000000000e5");
        settings.put("content-template.reminder", "HX00000000000000000000000000000a11");

        TwilioConfig config = new TwilioChannelAdapterProvider().configurationFrom(ChannelSettings.of(settings));

        assertThat(config.senderType()).isEqualTo(TwilioSenderType.WHATSAPP);
        assertThat(config.messagesPerSecond()).isEqualTo(40);
        assertThat(config.publicWebhookBaseUrl()).contains(URI.create("https://public.example.com/prefix"));
        assertThat(config.apiBaseUrl()).contains(URI.create("http://localhost:9999"));
        assertThat(config.validityPeriod()).contains(Duration.ofMinutes(10));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxConcurrentSends()).isEqualTo(8);
        assertThat(config.maxQueuedSends()).isEqualTo(100);
        assertThat(config.contentSidFor("welcome", "es")).contains("HX000000000000000000000000000000e5");
        assertThat(config.contentSidFor("reminder", "pt_BR")).contains("HX00000000000000000000000000000a11");
    }

    @Test
    void the_provider_reads_keyword_lists_each_replacing_its_default() {
        Map<String, String> settings = settings();
        settings.put("opt-out-keywords", "STOP, BAJA ,arrêt");
        settings.put("help-keywords", "AIDE");

        TwilioConfig config = new TwilioChannelAdapterProvider().configurationFrom(ChannelSettings.of(settings));

        assertThat(config.keywords().optOut()).containsExactlyInAnyOrder("STOP", "BAJA", "ARRET");
        assertThat(config.keywords().optIn())
                .isEqualTo(TwilioKeywords.defaults().optIn());
        assertThat(config.keywords().help()).containsExactly("AIDE");
        assertThat(TwilioConfig.custom()
                        .accountSid("AC0123456789abcdef0123456789abcdef")
                        .authToken(TOKEN)
                        .sender("+15005550006")
                        .statusCallbackUrl(URI.create("https://h.example/s"))
                        .build()
                        .keywords())
                .isEqualTo(TwilioKeywords.defaults());
        Map<String, String> clash = settings();
        clash.put("opt-in-keywords", "STOP");
        assertThatThrownBy(() -> new TwilioChannelAdapterProvider().configurationFrom(ChannelSettings.of(clash)))
                .hasMessageContaining("keyword")
                .hasMessageContaining("STOP");
    }

    @Test
    void the_provider_names_the_bad_key_and_never_the_token() {
        TwilioChannelAdapterProvider provider = new TwilioChannelAdapterProvider();
        Map<String, String> missing = settings();
        missing.remove("auth-token");
        Map<String, String> badType = settings();
        badType.put("sender-type", "pigeon");
        Map<String, String> badNumber = settings();
        badNumber.put("max-queued-sends", "many");
        Map<String, String> badTemplate = settings();
        badTemplate.put("content-template.welcome", "nope");

        assertThatThrownBy(() -> provider.configurationFrom(ChannelSettings.of(missing)))
                .hasMessageContaining("auth-token");
        assertThatThrownBy(() -> provider.configurationFrom(ChannelSettings.of(badType)))
                .hasMessageContaining("sender-type");
        assertThatThrownBy(() -> provider.configurationFrom(ChannelSettings.of(badNumber)))
                .hasMessageContaining("max-queued-sends");
        assertThatThrownBy(() -> provider.configurationFrom(ChannelSettings.of(badTemplate)))
                .hasMessageContaining("content-template.welcome")
                .message()
                .doesNotContain(TOKEN);
        assertThatThrownBy(() -> provider.create((TwilioConfig) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_provider_is_found_with_service_loader_and_creates_from_settings() {
        ChannelRegistry registry =
                ChannelRegistry.withDiscoveredProviders(getClass().getClassLoader());

        try (ChannelAdapter adapter = registry.resolve("twilio", ChannelSettings.of(settings()))) {
            assertThat(adapter).isInstanceOf(TwilioChannelAdapter.class);
            assertThat(adapter.capabilities().maxMessagesPerSecond()).isEqualTo(80);
        }
    }
}
