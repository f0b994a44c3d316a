package io.campaignkit.cli.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.OutcomeMix;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.simulated.SimulatedChannelConfiguration;
import io.campaignkit.channel.twilio.TwilioChannelAdapterProvider;
import io.campaignkit.channel.twilio.TwilioConfig;
import io.campaignkit.channel.whatsapp.WhatsAppCloudAdapterProvider;
import io.campaignkit.channel.whatsapp.WhatsAppCloudConfig;
import io.campaignkit.core.campaign.SenderKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The channel a run sends through: checked options first (every missing credential is a usage
 * error before anything starts), then the adapter, once the webhook URL is known.
 *
 * @param sender the campaign's channel and sender
 * @param create builds the adapter from the webhook URL of its route (empty when nobody listens)
 */
record ChannelSetup(ChannelOptions.Channel channel, SenderKey sender, Function<Optional<URI>, ChannelAdapter> create) {

    /** Simulated sender id, shown in reports. */
    static final String SIMULATED_SENDER = "simulated-sender";
    /** The simulated SMS channel's sender id. */
    static final String SIMULATED_SMS_SENDER = "simulated-sms-sender";
    /** When simulated events follow a send: quick, so a demo takes seconds. */
    static final Duration SIMULATED_DELIVERY = Duration.ofMillis(150);

    static final Duration SIMULATED_READ = Duration.ofMillis(300);
    static final Duration SIMULATED_REPLY = Duration.ofMillis(450);
    static final String SIMULATED_REPLY_TEXT = "Hola, ¿cómo pago?";

    /** The one channel of a command that takes one {@code --channel}. */
    static ChannelSetup of(ChannelOptions options, CliContext context, Optional<URI> publicUrl, boolean listening) {
        if (options.channels.size() != 1) {
            throw CliException.usage("this command takes one --channel, got " + options.channels.size());
        }
        return of(options.channels.get(0), options, context, publicUrl, listening, false);
    }

    /**
     * Every {@code --channel} of a run, in order, each once. With several, the simulated channel's
     * failures say "not on this channel" (WhatsApp's 131026), so its contacts fall back to the next.
     */
    static List<ChannelSetup> all(
            ChannelOptions options, CliContext context, Optional<URI> publicUrl, boolean listening) {
        if (options.channels.stream().distinct().count() < options.channels.size()) {
            throw CliException.usage("--channel "
                    + options.channels.stream().map(ChannelOptions.Channel::id).toList()
                    + " names a channel twice; each channel comes once");
        }
        boolean several = options.channels.size() > 1;
        return options.channels.stream()
                .map(channel -> of(channel, options, context, publicUrl, listening, several))
                .toList();
    }

    private static ChannelSetup of(
            ChannelOptions.Channel channel,
            ChannelOptions options,
            CliContext context,
            Optional<URI> publicUrl,
            boolean listening,
            boolean notOnChannelFailures) {
        SimulationSpec spec = Optional.ofNullable(options.simulate).orElse(SimulationSpec.DEFAULT);
        return switch (channel) {
            case SIMULATED -> simulated(spec, notOnChannelFailures);
            case SIMULATED_SMS -> simulatedSms(spec);
            case WHATSAPP_CLOUD -> whatsApp(options, context);
            case TWILIO -> twilio(options, context, publicUrl, listening);
        };
    }

    static ChannelSetup simulated(SimulationSpec spec) {
        return simulated(spec, false);
    }

    private static ChannelSetup simulated(SimulationSpec spec, boolean notOnChannelFailures) {
        return new ChannelSetup(
                ChannelOptions.Channel.SIMULATED,
                SenderKey.of("simulated", SIMULATED_SENDER),
                webhookUrl -> SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                        .id("simulated")
                        .clock(Clock.systemUTC())
                        .webhookUrl(webhookUrl.orElse(SimulatedChannelConfiguration.DEFAULT_WEBHOOK_URL))
                        .outcomeMix(outcomes(
                                spec,
                                notOnChannelFailures
                                        ? Outcome.failing(
                                                SendFailure.notOnChannel("131026", "simulated: not on this channel"))
                                        : Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT)))
                        .build()));
    }

    /** A second simulated channel, an SMS one: a run's fallback without any account. */
    static ChannelSetup simulatedSms(SimulationSpec spec) {
        return new ChannelSetup(
                ChannelOptions.Channel.SIMULATED_SMS,
                SenderKey.of("simulated-sms", SIMULATED_SMS_SENDER),
                webhookUrl -> SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                        .id("simulated-sms")
                        .clock(Clock.systemUTC())
                        .webhookUrl(webhookUrl.orElse(SimulatedChannelConfiguration.DEFAULT_WEBHOOK_URL))
                        .outcomeMix(outcomes(new SimulationSpec(1, spec.read(), spec.reply(), spec.seed() + 1)))
                        .build()));
    }

    /** Failed for good, delivered only, read, read and replied: nested shares of the spec. */
    static OutcomeMix outcomes(SimulationSpec spec) {
        return outcomes(spec, Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
    }

    private static OutcomeMix outcomes(SimulationSpec spec, Outcome failed) {
        double readShare = Math.max(spec.read(), spec.reply());
        Outcome delivered = Outcome.accepted().sentAfter(Duration.ZERO).deliveredAfter(SIMULATED_DELIVERY);
        Outcome read = delivered.readAfter(SIMULATED_READ);
        Outcome replied = read.repliesAfter(SIMULATED_REPLY, SIMULATED_REPLY_TEXT);
        OutcomeMix mix = OutcomeMix.seeded(spec.seed());
        mix = withWeight(mix, 1 - spec.deliver(), failed);
        mix = withWeight(mix, spec.deliver() * (1 - readShare), delivered);
        mix = withWeight(mix, spec.deliver() * (readShare - spec.reply()), read);
        mix = withWeight(mix, spec.deliver() * spec.reply(), replied);
        return mix;
    }

    private static OutcomeMix withWeight(OutcomeMix mix, double weight, Outcome outcome) {
        return weight > 0 ? mix.with(weight, outcome) : mix;
    }

    private static ChannelSetup whatsApp(ChannelOptions options, CliContext context) {
        String channel = "whatsapp-cloud";
        String phoneNumberId = ChannelOptions.required(
                Optional.ofNullable(options.waPhoneNumberId), "--wa-phone-number-id", context, null, channel);
        String token = ChannelOptions.required(
                Optional.ofNullable(options.waToken), "--wa-token", context, ChannelOptions.ENV_WA_TOKEN, channel);
        String appSecret = ChannelOptions.required(
                Optional.ofNullable(options.waAppSecret),
                "--wa-app-secret",
                context,
                ChannelOptions.ENV_WA_APP_SECRET,
                channel);
        String verifyToken = ChannelOptions.required(
                Optional.ofNullable(options.waVerifyToken), "--wa-verify-token", context, null, channel);
        WhatsAppCloudConfig.Builder builder = WhatsAppCloudConfig.custom()
                .phoneNumberId(phoneNumberId)
                .accessToken(Secret.of(token))
                .appSecret(Secret.of(appSecret))
                .verifyToken(Secret.of(verifyToken));
        if (options.waApiUrl != null) {
            builder.baseUrl(options.waApiUrl);
        }
        if (options.waApiVersion != null) {
            builder.apiVersion(options.waApiVersion);
        }
        if (options.providerTimeout != null) {
            builder.requestTimeout(options.providerTimeout);
        }
        if (options.maxInFlight != null) {
            builder.maxRequestsInFlight(options.maxInFlight);
        }
        WhatsAppCloudConfig config = configuration(channel, builder::build);
        return new ChannelSetup(
                ChannelOptions.Channel.WHATSAPP_CLOUD,
                SenderKey.of(channel, phoneNumberId),
                webhookUrl -> new WhatsAppCloudAdapterProvider().create(config));
    }

    private static ChannelSetup twilio(
            ChannelOptions options, CliContext context, Optional<URI> publicUrl, boolean listening) {
        String channel = "twilio";
        String accountSid = ChannelOptions.required(
                Optional.ofNullable(options.twilioAccountSid), "--twilio-account-sid", context, null, channel);
        String authToken = ChannelOptions.required(
                Optional.ofNullable(options.twilioAuthToken),
                "--twilio-auth-token",
                context,
                ChannelOptions.ENV_TWILIO_AUTH_TOKEN,
                channel);
        if ((options.twilioFrom == null) == (options.twilioMessagingService == null)) {
            throw CliException.usage(
                    "--channel twilio needs exactly one of --twilio-from or --twilio-messaging-service");
        }
        if (publicUrl.isEmpty() && !listening) {
            throw CliException.usage("--channel twilio needs a status callback URL: give --webhook-port to listen "
                    + "(and --public-url when Twilio reaches this machine through another address)");
        }
        String sender = options.twilioFrom != null ? options.twilioFrom : options.twilioMessagingService;
        // checked now, with a placeholder callback, so bad options fail before the import starts
        configuration(
                channel,
                () -> twilioBuilder(accountSid, authToken, sender, options)
                        .statusCallbackUrl(URI.create("https://placeholder.invalid/webhooks/twilio"))
                        .build());
        return new ChannelSetup(
                ChannelOptions.Channel.TWILIO,
                SenderKey.of(channel, sender),
                webhookUrl -> new TwilioChannelAdapterProvider()
                        .create(configuration(
                                channel,
                                () -> twilioBuilder(accountSid, authToken, sender, options)
                                        .statusCallbackUrl(webhookUrl.orElseThrow())
                                        .build())));
    }

    private static TwilioConfig.Builder twilioBuilder(
            String accountSid, String authToken, String sender, ChannelOptions options) {
        TwilioConfig.Builder builder = TwilioConfig.custom()
                .accountSid(accountSid)
                .authToken(Secret.of(authToken))
                .sender(sender);
        if (options.twilioApiUrl != null) {
            builder.apiBaseUrl(options.twilioApiUrl);
        }
        if (options.providerTimeout != null) {
            builder.requestTimeout(options.providerTimeout);
        }
        if (options.maxInFlight != null) {
            builder.maxConcurrentSends(options.maxInFlight);
        }
        return builder;
    }

    /** Adapters validate their configuration with IllegalArgumentException; it names the option's setting. */
    private static <T> T configuration(String channel, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            throw CliException.usage("--channel " + channel + ": " + invalid.getMessage(), invalid);
        }
    }
}
