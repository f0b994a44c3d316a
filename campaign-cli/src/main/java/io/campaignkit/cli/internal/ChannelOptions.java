package io.campaignkit.cli.internal;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --channel} choice and each channel's options. Secrets may come from the environment instead. */
public final class ChannelOptions {

    static final String ENV_WA_TOKEN = "CAMPAIGNKIT_WA_TOKEN";
    static final String ENV_WA_APP_SECRET = "CAMPAIGNKIT_WA_APP_SECRET";
    static final String ENV_TWILIO_AUTH_TOKEN = "CAMPAIGNKIT_TWILIO_AUTH_TOKEN";

    /** The channels the program knows. */
    public enum Channel {
        SIMULATED("simulated"),
        SIMULATED_SMS("simulated-sms"),
        WHATSAPP_CLOUD("whatsapp-cloud"),
        TWILIO("twilio");

        private final String id;

        Channel(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Channel fromId(String value) {
            for (Channel channel : values()) {
                if (channel.id.equalsIgnoreCase(value.strip())) {
                    return channel;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown channel '" + value + "'; use simulated, simulated-sms, whatsapp-cloud or twilio");
        }
    }

    @Option(
            names = "--channel",
            required = true,
            paramLabel = "CHANNEL",
            converter = ChannelConverter.class,
            description = "simulated, simulated-sms, whatsapp-cloud or twilio. run: repeat it for several channels in"
                    + " order; each contact gets the first, and the next one when a channel says it is not on it.")
    java.util.List<Channel> channels = new java.util.ArrayList<>();

    @Option(
            names = "--simulate",
            paramLabel = "SPEC",
            converter = SimulationSpec.Converter.class,
            description = "The simulated channel's outcomes, like deliver=0.95,read=0.6,reply=0.2,seed=7.")
    SimulationSpec simulate;

    @Option(
            names = "--wa-phone-number-id",
            paramLabel = "ID",
            description = "WhatsApp Cloud: the sender's phone-number id.")
    String waPhoneNumberId;

    @Option(
            names = "--wa-token",
            paramLabel = "TOKEN",
            description = "WhatsApp Cloud: the access token (or env " + ENV_WA_TOKEN + ").")
    String waToken;

    @Option(
            names = "--wa-app-secret",
            paramLabel = "SECRET",
            description = "WhatsApp Cloud: the app secret that signs webhooks (or env " + ENV_WA_APP_SECRET + ").")
    String waAppSecret;

    @Option(
            names = "--wa-verify-token",
            paramLabel = "TOKEN",
            description = "WhatsApp Cloud: the token of Meta's webhook subscription check.")
    String waVerifyToken;

    @Option(
            names = "--wa-api-url",
            paramLabel = "URL",
            description = "WhatsApp Cloud: the Graph API URL (default https://graph.facebook.com).")
    URI waApiUrl;

    @Option(
            names = "--wa-api-version",
            paramLabel = "VERSION",
            description = "WhatsApp Cloud: the Graph API version, like v25.0.")
    String waApiVersion;

    @Option(names = "--twilio-account-sid", paramLabel = "SID", description = "Twilio: the account SID (AC…).")
    String twilioAccountSid;

    @Option(
            names = "--twilio-auth-token",
            paramLabel = "TOKEN",
            description = "Twilio: the auth token (or env " + ENV_TWILIO_AUTH_TOKEN + ").")
    String twilioAuthToken;

    @Option(
            names = "--twilio-from",
            paramLabel = "NUMBER",
            description = "Twilio: the sender, +E164 or whatsapp:+E164.")
    String twilioFrom;

    @Option(
            names = "--twilio-messaging-service",
            paramLabel = "SID",
            description = "Twilio: a messaging service (MG…) instead of --twilio-from.")
    String twilioMessagingService;

    @Option(
            names = "--twilio-api-url",
            paramLabel = "URL",
            description = "Twilio: the API URL (default https://api.twilio.com).")
    URI twilioApiUrl;

    @Option(
            names = "--provider-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a send waits for the provider's answer before it counts as unknown "
                    + "(not resent); default the adapter's own (30s).")
    java.time.Duration providerTimeout;

    @Option(
            names = "--max-in-flight",
            paramLabel = "N",
            description =
                    "At most this many sends wait for the provider at once (default WhatsApp Cloud 256, Twilio 16).")
    Integer maxInFlight;

    /** A value from its option, else from the environment; missing: a usage error naming both. */
    static String required(
            Optional<String> option, String optionName, CliContext context, String envName, String channel) {
        Optional<String> value = option.filter(text -> !text.isBlank());
        if (value.isEmpty() && envName != null) {
            value = context.env(envName);
        }
        return value.orElseThrow(() -> CliException.usage("--channel " + channel + " needs " + optionName
                + (envName == null ? "" : " (or the environment variable " + envName + ")")));
    }

    /** Reads {@code --channel}. */
    public static final class ChannelConverter implements picocli.CommandLine.ITypeConverter<Channel> {
        @Override
        public Channel convert(String value) {
            return Channel.fromId(value);
        }
    }
}
