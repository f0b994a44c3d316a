/**
 * The simulated channel: an in-memory channel adapter for demos, tests and the simulation, on the
 * channel SPI alone. Discovered under its id through {@link java.util.ServiceLoader}.
 */
module io.campaignkit.channel.simulated {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    requires transitive io.campaignkit.channel;

    exports io.campaignkit.channel.simulated;

    provides io.campaignkit.channel.ChannelAdapterProvider with
            io.campaignkit.channel.simulated.SimulatedChannelProvider;
}
