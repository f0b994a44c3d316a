/**
 * The WhatsApp Cloud API channel adapter. {@code io.campaignkit.channel.whatsapp.internal} is not
 * exported. Jackson reads and writes JSON as trees (JsonNode, ObjectNode), never by binding this
 * module's classes, so no package is opened to it.
 */
module io.campaignkit.channel.whatsapp {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    requires transitive io.campaignkit.channel;
    // WhatsAppCloudConfig.Builder#httpClient takes the host's java.net.http.HttpClient
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;

    exports io.campaignkit.channel.whatsapp;

    provides io.campaignkit.channel.ChannelAdapterProvider with
            io.campaignkit.channel.whatsapp.WhatsAppCloudAdapterProvider;
}
