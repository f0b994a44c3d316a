package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Untyped string settings for one channel, as they come from a command line, a properties file or
 * environment variables. A {@link ChannelAdapterProvider} turns them into its typed configuration.
 *
 * <p>Keys are case-sensitive, such as {@code access-token} or {@code api-version}. {@code toString}
 * lists the keys only, never the values, because some of them are secrets.
 */
public final class ChannelSettings {

    private final Map<String, String> values;

    private ChannelSettings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Settings from a map.
     *
     * @param values keys and values, not null, no null key or value
     * @return the settings
     */
    public static ChannelSettings of(Map<String, String> values) {
        Checks.notNull(values, "values");
        Map<String, String> copy = new TreeMap<>();
        values.forEach((key, value) -> {
            Checks.notBlank(key, "settings key");
            copy.put(key, Checks.notNull(value, "settings value for '" + key + "'"));
        });
        return new ChannelSettings(Map.copyOf(copy));
    }

    /**
     * The properties whose names start with {@code prefix}, with the prefix removed: with prefix
     * {@code channel.twilio.}, {@code channel.twilio.account-sid} becomes {@code account-sid}.
     *
     * @param properties the properties, not null
     * @param prefix     the prefix, not null (empty for all)
     * @return the settings
     */
    public static ChannelSettings fromProperties(Properties properties, String prefix) {
        Checks.notNull(properties, "properties");
        Checks.notNull(prefix, "prefix");
        Map<String, String> selected = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                selected.put(name.substring(prefix.length()), properties.getProperty(name));
            }
        }
        return of(selected);
    }

    /**
     * The value of a setting.
     *
     * @param key the key, not blank
     * @return the value, or empty when not set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(Checks.notBlank(key, "key")));
    }

    /**
     * The value of a mandatory setting.
     *
     * @param key the key, not blank
     * @return the value
     * @throws IllegalArgumentException naming the key when it is missing or blank
     */
    public String require(String key) {
        String value = values.get(Checks.notBlank(key, "key"));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "channel setting '" + key + "' is required (known keys: " + keys() + ")");
        }
        return value;
    }

    /**
     * A mandatory secret setting. The value is never part of an error message.
     *
     * @param key the key, not blank
     * @return the secret
     * @throws IllegalArgumentException naming the key when it is missing or blank
     */
    public Secret requireSecret(String key) {
        return Secret.of(require(key));
    }

    /**
     * An optional duration setting in ISO-8601 ({@code PT10S}) or as whole milliseconds ({@code 10000}).
     *
     * @param key the key, not blank
     * @return the duration, or empty when not set
     * @throws IllegalArgumentException naming the key when the value cannot be read
     */
    public Optional<Duration> duration(String key) {
        return get(key).map(value -> {
            try {
                return value.chars().allMatch(Character::isDigit)
                        ? Duration.ofMillis(Long.parseLong(value))
                        : Duration.parse(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "channel setting '" + key + "' must be a duration such as PT10S or 10000 (was '" + value + "')",
                        e);
            }
        });
    }

    /**
     * The keys that are set.
     *
     * @return the keys, sorted
     */
    public Set<String> keys() {
        return new java.util.TreeSet<>(values.keySet());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelSettings settings && values.equals(settings.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return the keys only, for example {@code ChannelSettings[keys=[access-token, api-version]]} */
    @Override
    public String toString() {
        return "ChannelSettings[keys=" + keys() + "]";
    }
}
