package io.campaignkit.channel.webhook;

import io.campaignkit.channel.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HTTP headers with case-insensitive names, as HTTP defines them. Immutable.
 */
public final class WebhookHeaders {

    private static final WebhookHeaders NONE = new WebhookHeaders(Map.of());

    // Keys are lower-cased names; values keep their order of arrival.
    private final Map<String, List<String>> values;

    private WebhookHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * No headers.
     *
     * @return the empty headers
     */
    public static WebhookHeaders none() {
        return NONE;
    }

    /**
     * Headers from a multi-valued map, as most HTTP servers expose them; names in any case.
     *
     * @param headers names to values, not null, no null names or values
     * @return the headers
     */
    public static WebhookHeaders of(Map<String, ? extends List<String>> headers) {
        Checks.notNull(headers, "headers");
        Map<String, List<String>> merged = new TreeMap<>();
        headers.forEach((name, list) -> {
            Checks.notBlank(name, "header name");
            merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .addAll(Checks.listOf(list, "values of header '" + name + "'"));
        });
        merged.replaceAll((name, list) -> List.copyOf(list));
        return new WebhookHeaders(Collections.unmodifiableMap(merged));
    }

    /**
     * Headers with one value each.
     *
     * @param headers names to values, not null
     * @return the headers
     */
    public static WebhookHeaders ofSingle(Map<String, String> headers) {
        Checks.notNull(headers, "headers");
        Map<String, List<String>> lists = new TreeMap<>();
        headers.forEach(
                (name, value) -> lists.put(name, List.of(Checks.notNull(value, "value of header '" + name + "'"))));
        return of(lists);
    }

    /**
     * The first value of a header.
     *
     * @param name the name in any case, not blank
     * @return the value, or empty when absent
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(Checks.notBlank(name, "name").toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Every value of a header.
     *
     * @param name the name in any case, not blank
     * @return the values in order of arrival, empty when absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(Checks.notBlank(name, "name").toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The header names present.
     *
     * @return the names, lower-cased
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * A copy with {@code name} set to the single {@code value}, replacing earlier values.
     *
     * @param name  the name, not blank
     * @param value the value, not null
     * @return new headers
     */
    public WebhookHeaders with(String name, String value) {
        Map<String, List<String>> copy = new TreeMap<>(values);
        copy.put(Checks.notBlank(name, "name").toLowerCase(Locale.ROOT), List.of(Checks.notNull(value, "value")));
        return new WebhookHeaders(Collections.unmodifiableMap(copy));
    }

    /**
     * A copy without {@code name}.
     *
     * @param name the name in any case, not blank
     * @return new headers
     */
    public WebhookHeaders without(String name) {
        Map<String, List<String>> copy = new TreeMap<>(values);
        copy.remove(Checks.notBlank(name, "name").toLowerCase(Locale.ROOT));
        return new WebhookHeaders(Collections.unmodifiableMap(copy));
    }

    /**
     * Lower-cased names to values.
     *
     * @return an unmodifiable map
     */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookHeaders headers && values.equals(headers.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return the header names only; values may hold signatures or tokens */
    @Override
    public String toString() {
        return "WebhookHeaders" + values.keySet();
    }
}
