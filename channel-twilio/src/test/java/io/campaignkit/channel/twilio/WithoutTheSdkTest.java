package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.campaignkit.channel.ChannelAdapter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SDK is optional: without it the provider is still discovered, and creating an adapter says what is missing. */
class WithoutTheSdkTest {

    @Test
    void discovery_works_and_creation_names_the_missing_sdk() throws Exception {
        URL adapterClasses = TwilioChannelAdapterProvider.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        URL spiClasses =
                ChannelAdapter.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutSdk =
                new URLClassLoader(new URL[] {adapterClasses, spiClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThat(catchThrowableOfType(
                            ClassNotFoundException.class,
                            () -> withoutSdk.loadClass("com.twilio.http.TwilioRestClient")))
                    .isNotNull();
            Class<?> registryType = withoutSdk.loadClass("io.campaignkit.channel.ChannelRegistry");
            Class<?> settingsType = withoutSdk.loadClass("io.campaignkit.channel.ChannelSettings");
            Object registry = registryType
                    .getMethod("withDiscoveredProviders", ClassLoader.class)
                    .invoke(null, withoutSdk);
            Object settings = settingsType
                    .getMethod("of", Map.class)
                    .invoke(
                            null,
                            Map.of(
                                    "account-sid",
                                    "AC0123456789abcdef0123456789abcdef",
                                    "auth-token",
                                    "token",
                                    "sender",
                                    "+15005550006",
                                    "status-callback-url",
                                    "https://hooks.example.com/twilio/status"));

            assertThat(registryType.getMethod("channelIds").invoke(registry)).isEqualTo(Set.of("twilio"));
            InvocationTargetException failure = catchThrowableOfType(
                    InvocationTargetException.class,
                    () -> registryType
                            .getMethod("resolve", String.class, settingsType)
                            .invoke(registry, "twilio", settings));
            assertThat(failure.getCause())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("com.twilio.sdk:twilio");
        }
    }
}
