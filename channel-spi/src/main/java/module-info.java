/**
 * The channel SPI: the contract between the engine and a messaging channel (adapters, their
 * providers, outbound messages, events and webhooks). Depends on the JDK only.
 *
 * <p>{@code io.campaignkit.channel.internal} is not exported: its checks serve this module alone.
 * Providers are found with {@link java.util.ServiceLoader}, from {@code provides} clauses of
 * adapter modules on the module path or {@code META-INF/services} entries on the class path.
 */
module io.campaignkit.channel {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;

    exports io.campaignkit.channel;
    exports io.campaignkit.channel.event;
    exports io.campaignkit.channel.webhook;

    // ChannelRegistry.discover(...) calls ServiceLoader.load from this module
    uses io.campaignkit.channel.ChannelAdapterProvider;
}
