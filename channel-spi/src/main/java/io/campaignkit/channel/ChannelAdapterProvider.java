package io.campaignkit.channel;

/**
 * Creates {@link ChannelAdapter}s of one channel type from a typed configuration. Found with
 * {@link java.util.ServiceLoader}: list the implementation's class name in
 * {@code META-INF/services/io.campaignkit.channel.ChannelAdapterProvider}. Implementations have a
 * public no-argument constructor and are stateless.
 *
 * <p>A host that builds its configuration in code calls {@link #create(Object)}; a command line or a
 * properties file goes through {@link #configurationFrom(ChannelSettings)} first.
 *
 * @param <C> the adapter's configuration type, typically an immutable record with a builder
 */
public interface ChannelAdapterProvider<C> {

    /**
     * The channel type id, equal to {@link ChannelAdapter#id()} of the adapters created.
     *
     * @return a stable, lower-case, non-blank id such as {@code "whatsapp-cloud"}
     */
    String id();

    /**
     * The configuration type that {@link #create(Object)} takes.
     *
     * @return the configuration class
     */
    Class<C> configurationType();

    /**
     * Reads the configuration from string settings.
     *
     * @param settings the settings, not null
     * @return the validated configuration
     * @throws IllegalArgumentException naming the missing or invalid key (never its secret value)
     */
    C configurationFrom(ChannelSettings settings);

    /**
     * Creates an adapter. The caller owns it and {@linkplain ChannelAdapter#close() closes} it.
     *
     * @param configuration the configuration, not null
     * @return a new adapter
     * @throws IllegalArgumentException when the configuration is null or invalid
     */
    ChannelAdapter create(C configuration);

    /**
     * Shortcut for {@code create(configurationFrom(settings))}.
     *
     * @param settings the settings, not null
     * @return a new adapter
     * @throws IllegalArgumentException naming the missing or invalid key
     */
    default ChannelAdapter create(ChannelSettings settings) {
        return create(configurationFrom(settings));
    }
}
