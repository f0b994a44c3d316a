/**
 * The Twilio Programmable Messaging channel adapter (SMS and WhatsApp).
 * {@code io.campaignkit.channel.twilio.internal} is not exported.
 *
 * <p>The Twilio SDK is optional (as in the POM): {@code requires static}, so the module resolves
 * without it and the provider says plainly that it is missing. The SDK jar has no module name of
 * its own; on the module path it is the automatic module {@code twilio} (named after its file), which
 * a host adds with {@code --add-modules twilio} when it uses this adapter on the module path.
 */
module io.campaignkit.channel.twilio {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    requires transitive io.campaignkit.channel;
    requires static twilio;
    // the SDK's HttpClient contract returns Apache HttpCore headers (NonRetryingHttpClient builds them)
    requires static org.apache.httpcomponents.httpcore;
    requires java.net.http;

    exports io.campaignkit.channel.twilio;

    provides io.campaignkit.channel.ChannelAdapterProvider with
            io.campaignkit.channel.twilio.TwilioChannelAdapterProvider;
}
