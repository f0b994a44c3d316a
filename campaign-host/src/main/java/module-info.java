/**
 * The host kit: the webhook endpoint a host mounts on its HTTP server (a plain function for any
 * server, and a handler for the JDK's own), on top of the engine. JDK only besides the core.
 */
module io.campaignkit.host {
    requires static org.jspecify;
    // the endpoint's signatures carry the engine and the channel's webhook types
    requires transitive io.campaignkit.core;
    // the handler for the JDK's HTTP server is part of the API (HttpHandler)
    requires transitive jdk.httpserver;
    requires org.slf4j;

    exports io.campaignkit.host;
}
