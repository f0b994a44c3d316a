package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels an application can use, by {@linkplain ChannelAdapter#id() channel id}: adapters
 * registered by hand, and providers discovered with {@link ServiceLoader} (or registered by hand).
 *
 * <p>When the engine asks for a channel, an adapter registered by hand wins over one a provider
 * would create: that is how a host replaces a discovered adapter (for instance with a
 * {@code SimulatedChannel} in tests). Thread-safe.
 */
public final class ChannelRegistry {

    private final Map<String, ChannelAdapter> adapters = new ConcurrentHashMap<>();
    private final Map<String, ChannelAdapterProvider<?>> providers = new ConcurrentHashMap<>();

    private ChannelRegistry() {}

    /**
     * An empty registry: nothing discovered.
     *
     * @return a new registry
     */
    public static ChannelRegistry empty() {
        return new ChannelRegistry();
    }

    /**
     * A registry holding every provider found by {@link ServiceLoader} with the thread's context
     * class loader (or this class's loader when there is none).
     *
     * @return a new registry
     * @throws IllegalStateException when two discovered providers share an id
     */
    public static ChannelRegistry withDiscoveredProviders() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return withDiscoveredProviders(loader != null ? loader : ChannelRegistry.class.getClassLoader());
    }

    /**
     * A registry holding every provider found by {@link ServiceLoader} with {@code classLoader}.
     *
     * @param classLoader the loader to search, not null
     * @return a new registry
     * @throws IllegalStateException when two discovered providers share an id
     */
    public static ChannelRegistry withDiscoveredProviders(ClassLoader classLoader) {
        Checks.notNull(classLoader, "classLoader");
        ChannelRegistry registry = new ChannelRegistry();
        @SuppressWarnings("rawtypes")
        ServiceLoader<ChannelAdapterProvider> loader = ServiceLoader.load(ChannelAdapterProvider.class, classLoader);
        for (ChannelAdapterProvider<?> provider : loader) {
            ChannelAdapterProvider<?> previous =
                    registry.providers.putIfAbsent(checkedId(provider.id(), "provider id"), provider);
            if (previous != null) {
                throw new IllegalStateException("two channel providers have the id '" + provider.id() + "': "
                        + previous.getClass().getName() + " and "
                        + provider.getClass().getName());
            }
        }
        return registry;
    }

    /**
     * Registers an adapter by hand. It wins over any provider with the same id, and replaces an
     * adapter registered before under that id.
     *
     * @param adapter the adapter, not null
     * @return this registry
     */
    public ChannelRegistry register(ChannelAdapter adapter) {
        Checks.notNull(adapter, "adapter");
        adapters.put(checkedId(adapter.id(), "adapter id"), adapter);
        return this;
    }

    /**
     * Registers a provider by hand, replacing a discovered provider with the same id.
     *
     * @param provider the provider, not null
     * @return this registry
     */
    public ChannelRegistry registerProvider(ChannelAdapterProvider<?> provider) {
        Checks.notNull(provider, "provider");
        providers.put(checkedId(provider.id(), "provider id"), provider);
        return this;
    }

    /**
     * The adapter registered by hand under {@code channelId}.
     *
     * @param channelId the channel id, not blank
     * @return the adapter, or empty
     */
    public Optional<ChannelAdapter> registeredAdapter(String channelId) {
        return Optional.ofNullable(adapters.get(Checks.notBlank(channelId, "channelId")));
    }

    /**
     * The provider known under {@code channelId}.
     *
     * @param channelId the channel id, not blank
     * @return the provider, or empty
     */
    public Optional<ChannelAdapterProvider<?>> provider(String channelId) {
        return Optional.ofNullable(providers.get(Checks.notBlank(channelId, "channelId")));
    }

    /**
     * The adapter to use for {@code channelId}: the one registered by hand if any, else a new adapter
     * created by the provider from {@code settings}. The caller closes an adapter created here; an
     * adapter registered by hand stays owned by whoever registered it.
     *
     * @param channelId the channel id, not blank
     * @param settings  the settings for a provider, not null (ignored for an adapter registered by hand)
     * @return the adapter
     * @throws IllegalArgumentException when no adapter or provider has that id (the message lists the
     *                                  known ids), or when the settings are invalid
     */
    public ChannelAdapter resolve(String channelId, ChannelSettings settings) {
        Checks.notBlank(channelId, "channelId");
        Checks.notNull(settings, "settings");
        ChannelAdapter registered = adapters.get(channelId);
        if (registered != null) {
            return registered;
        }
        ChannelAdapterProvider<?> provider = providers.get(channelId);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown channel '" + channelId + "' (known channels: " + channelIds() + ")");
        }
        return provider.create(settings);
    }

    /**
     * Every channel id known, by hand or by discovery.
     *
     * @return the ids, sorted
     */
    public Set<String> channelIds() {
        Set<String> ids = new TreeSet<>(adapters.keySet());
        ids.addAll(providers.keySet());
        return ids;
    }

    private static String checkedId(String id, String name) {
        Checks.notBlank(id, name);
        if (!ChannelAdapter.isValidId(id)) {
            throw new IllegalArgumentException(
                    name + " must match " + ChannelAdapter.ID_PATTERN + " (was '" + id + "')");
        }
        return id;
    }

    /** @return the known channel ids */
    @Override
    public String toString() {
        return "ChannelRegistry" + channelIds();
    }
}
