package io.campaignkit.channel.twilio;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelSettings;
import java.net.URI;
import java.util.Locale;

/**
 * Creates {@link TwilioChannelAdapter}s; registered for {@link java.util.ServiceLoader}.
 *
 * <p>Settings (keys as in a properties file with the channel prefix removed):
 * <ul>
 *   <li>{@code account-sid}, {@code auth-token}, {@code sender}, {@code status-callback-url}: required</li>
 *   <li>{@code sender-type}: {@code long-code}, {@code toll-free}, {@code short-code} or {@code whatsapp}</li>
 *   <li>{@code messages-per-second}, {@code public-webhook-base-url}, {@code api-base-url}</li>
 *   <li>{@code validity-period}, {@code connect-timeout}, {@code request-timeout}: ISO-8601 or milliseconds</li>
 *   <li>{@code max-concurrent-sends}, {@code max-queued-sends}: positive integers</li>
 *   <li>{@code check-credentials-at-launch}: {@code true} or {@code false} (the default)</li>
 *   <li>{@code content-template.<name>} or {@code content-template.<name>.<language>}: an {@code HX…} Content SID</li>
 *   <li>{@code opt-out-keywords}, {@code opt-in-keywords}, {@code help-keywords}: comma-separated SMS
 *       keywords, each replacing that list of {@link TwilioKeywords#defaults()}</li>
 * </ul>
 *
 * <p>The Twilio SDK ({@code com.twilio.sdk:twilio}) is an optional dependency of this module: a host
 * that uses this adapter adds it; without it {@link #create(TwilioConfig)} says so plainly.
 */
public final class TwilioChannelAdapterProvider implements ChannelAdapterProvider<TwilioConfig> {

    static final String CONTENT_TEMPLATE_PREFIX = "content-template.";

    /** For {@link java.util.ServiceLoader}. */
    public TwilioChannelAdapterProvider() {}

    private static java.util.Set<String> words(String commaSeparated) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        for (String word : commaSeparated.split(",")) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }

    @Override
    public String id() {
        return TwilioChannelAdapter.ID;
    }

    @Override
    public Class<TwilioConfig> configurationType() {
        return TwilioConfig.class;
    }

    @Override
    public TwilioConfig configurationFrom(ChannelSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        TwilioConfig.Builder builder = TwilioConfig.custom()
                .accountSid(settings.require("account-sid"))
                .authToken(settings.requireSecret("auth-token"))
                .sender(settings.require("sender"))
                .statusCallbackUrl(uri(settings, "status-callback-url", settings.require("status-callback-url")));
        settings.get("sender-type").ifPresent(value -> builder.senderType(senderType(value)));
        settings.get("messages-per-second")
                .ifPresent(value -> builder.messagesPerSecond(number(value, "messages-per-second")));
        settings.get("public-webhook-base-url")
                .ifPresent(value -> builder.publicWebhookBaseUrl(uri(settings, "public-webhook-base-url", value)));
        settings.get("api-base-url").ifPresent(value -> builder.apiBaseUrl(uri(settings, "api-base-url", value)));
        settings.duration("validity-period").ifPresent(builder::validityPeriod);
        settings.duration("connect-timeout").ifPresent(builder::connectTimeout);
        settings.duration("request-timeout").ifPresent(builder::requestTimeout);
        settings.get("max-concurrent-sends")
                .ifPresent(value -> builder.maxConcurrentSends(integer(value, "max-concurrent-sends")));
        settings.get("max-queued-sends").ifPresent(value -> builder.maxQueuedSends(integer(value, "max-queued-sends")));
        settings.get("check-credentials-at-launch")
                .ifPresent(value -> builder.checkCredentialsAtLaunch(yesNo(value, "check-credentials-at-launch")));
        if (settings.get("opt-out-keywords").isPresent()
                || settings.get("opt-in-keywords").isPresent()
                || settings.get("help-keywords").isPresent()) {
            TwilioKeywords defaults = TwilioKeywords.defaults();
            builder.keywords(withKey(
                    "the Twilio keyword settings",
                    () -> new TwilioKeywords(
                            settings.get("opt-out-keywords")
                                    .map(TwilioChannelAdapterProvider::words)
                                    .orElse(defaults.optOut()),
                            settings.get("opt-in-keywords")
                                    .map(TwilioChannelAdapterProvider::words)
                                    .orElse(defaults.optIn()),
                            settings.get("help-keywords")
                                    .map(TwilioChannelAdapterProvider::words)
                                    .orElse(defaults.help()))));
        }
        for (String key : settings.keys()) {
            if (key.startsWith(CONTENT_TEMPLATE_PREFIX)) {
                contentTemplate(key, settings.require(key), builder);
            }
        }
        return withKey("the Twilio settings", builder::build);
    }

    @Override
    public ChannelAdapter create(TwilioConfig configuration) {
        if (configuration == null) {
            throw new IllegalArgumentException("configuration must not be null");
        }
        requireSdk();
        return TwilioChannelAdapter.create(configuration);
    }

    private static void requireSdk() {
        try {
            Class.forName(
                    "com.twilio.http.TwilioRestClient", false, TwilioChannelAdapterProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "the Twilio adapter needs the Twilio Java SDK on the classpath: add "
                            + "com.twilio.sdk:twilio 10.x (an optional dependency of channel-twilio)",
                    e);
        }
    }

    private static void contentTemplate(String key, String sid, TwilioConfig.Builder builder) {
        String rest = key.substring(CONTENT_TEMPLATE_PREFIX.length());
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String language = dot < 0 ? null : rest.substring(dot + 1);
        if (name.isBlank() || (language != null && language.isBlank())) {
            throw new IllegalArgumentException("channel setting '" + key + "' must be content-template.<name> or "
                    + "content-template.<name>.<language>");
        }
        withKey("channel setting '" + key + "'", () -> builder.contentTemplate(name, language, sid.strip()));
    }

    private static TwilioSenderType senderType(String value) {
        try {
            return TwilioSenderType.valueOf(
                    value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "channel setting 'sender-type' must be long-code, toll-free, short-code or " + "whatsapp (was '"
                            + value + "')",
                    e);
        }
    }

    private static URI uri(ChannelSettings settings, String key, String value) {
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel setting '" + key + "' must be a URL (was '" + value + "')", e);
        }
    }

    private static double number(String value, String key) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "channel setting '" + key + "' must be a number (was '" + value + "')", e);
        }
    }

    private static boolean yesNo(String value, String key) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new IllegalArgumentException(
                        "channel setting '" + key + "' must be true or false (was '" + value + "')");
        };
    }

    private static int integer(String value, String key) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "channel setting '" + key + "' must be a whole number (was '" + value + "')", e);
        }
    }

    private static <T> T withKey(String where, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
