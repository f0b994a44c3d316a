package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SecretAndSettingsTest {

    @Test
    void secretNeverShowsItsValue() {
        Secret secret = Secret.of("EAAG-super-secret");

        assertThat(secret.toString()).doesNotContain("EAAG").isEqualTo("Secret[****]");
        assertThat(secret.reveal()).isEqualTo("EAAG-super-secret");
        assertThat(secret.matches("EAAG-super-secret")).isTrue();
        assertThat(secret.matches("EAAG-super-secreT")).isFalse();
        assertThat(secret).isEqualTo(Secret.of("EAAG-super-secret")).isNotEqualTo(Secret.of("other"));
    }

    @Test
    void settingsListKeysButNeverValues() {
        ChannelSettings settings =
                ChannelSettings.of(Map.of("access-token", "EAAG-super-secret", "api-version", "v20.0"));

        assertThat(settings.toString()).contains("access-token", "api-version").doesNotContain("EAAG", "v20.0");
        assertThat(settings.requireSecret("access-token").reveal()).isEqualTo("EAAG-super-secret");
        assertThatThrownBy(() -> settings.require("app-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'app-secret'")
                .hasMessageNotContaining("EAAG");
    }

    @Test
    void settingsFromPropertiesStripThePrefixAndReadDurations() {
        Properties properties = new Properties();
        properties.setProperty("channel.twilio.account-sid", "AC1");
        properties.setProperty("channel.twilio.timeout", "PT2S");
        properties.setProperty("channel.twilio.connect-timeout", "1500");
        properties.setProperty("channel.whatsapp.token", "x");

        ChannelSettings settings = ChannelSettings.fromProperties(properties, "channel.twilio.");

        assertThat(settings.keys()).containsExactly("account-sid", "connect-timeout", "timeout");
        assertThat(settings.duration("timeout")).contains(Duration.ofSeconds(2));
        assertThat(settings.duration("connect-timeout")).contains(Duration.ofMillis(1500));
        assertThatThrownBy(() -> settings.duration("account-sid")).hasMessageContaining("'account-sid'");
    }
}
