/**
 * The campaign engine, its model and its storage ports. No JSON, I/O library or framework: the
 * channel SPI, slf4j and libphonenumber only (the enforcer checks the POM, this descriptor the code).
 *
 * <p>The {@code internal} packages are not exported, with one exception below.
 */
module io.campaignkit.core {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    // the API's signatures carry channel types (ChannelAdapter, OutboundMessage, events)
    requires transitive io.campaignkit.channel;
    requires org.slf4j;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports io.campaignkit.core;
    exports io.campaignkit.core.campaign;
    exports io.campaignkit.core.contact;
    exports io.campaignkit.core.data;
    exports io.campaignkit.core.dispatch.pacing;
    exports io.campaignkit.core.dispatch.retry;
    exports io.campaignkit.core.engine;
    exports io.campaignkit.core.hours;
    exports io.campaignkit.core.port;
    exports io.campaignkit.core.port.rules;
    exports io.campaignkit.core.template;

    // Arguments (the argument checks that name the argument in InvalidArgumentException) is shared
    // with our own importer and JDBC store so that every module words a bad argument the same way.
    // Exported to those two only: publishing it would make nine helper methods a supported API that
    // third-party stores and hosts could bind to; CheckedStorage already checks a vendor's store.
    exports io.campaignkit.core.internal to
            io.campaignkit.importer,
            io.campaignkit.store.jdbc;
}
