/**
 * Test support for hosts and for store and channel vendors: the contract kits (JUnit 5 classes a
 * vendor's test extends), the manual clock and the campaign scenario.
 *
 * <p>An open module: JUnit runs the kits' package-private test methods and nested classes by
 * reflection, whichever module or class path the host's JUnit is on. Test code only, nothing to hide.
 */
open module io.campaignkit.testkit {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    // the kits take and return core and simulated-channel types, and users extend JUnit-annotated classes
    requires transitive io.campaignkit.core;
    requires transitive io.campaignkit.channel.simulated;
    requires transitive io.campaignkit.desk;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;
    // LoopbackProvider, the fake provider API a channel vendor extends, runs the JDK's HTTP server
    requires jdk.httpserver;

    exports io.campaignkit.testkit.channel;
    exports io.campaignkit.testkit.desk;
    exports io.campaignkit.testkit.engine;
    exports io.campaignkit.testkit.pacing;
    exports io.campaignkit.testkit.store;
    exports io.campaignkit.testkit.time;
}
