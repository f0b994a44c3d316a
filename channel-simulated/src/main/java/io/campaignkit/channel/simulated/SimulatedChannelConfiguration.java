package io.campaignkit.channel.simulated;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link SimulatedChannel} behaves. Build with {@link #custom()}; unset fields take the
 * {@code DEFAULT_*} values.
 *
 * @param id                    the channel id it answers to; use a real channel's id (such as
 *                              {@code "whatsapp-cloud"}) to stand in for it in a {@code ChannelRegistry}
 * @param clock                 the clock that times its answers and events (in tests a {@link TimeControl}
 *                              such as the testkit's {@code ManualClock})
 * @param capabilities          the capabilities it declares and enforces
 * @param webhookUrl            the URL its webhook requests are addressed to
 * @param webhookSecret         the key its webhook signatures are made with
 * @param defaultOutcome        the outcome of a send that nothing else scripted
 * @param outcomeMix            when present, unscripted sends draw their outcome from it instead
 * @param deliverOnClockAdvance when true (and the clock is a {@link TimeControl}), due events are
 *                              delivered every time the clock moves, without calling
 *                              {@link SimulatedChannel#deliverDueEvents()}
 */
public record SimulatedChannelConfiguration(
        String id,
        Clock clock,
        ChannelCapabilities capabilities,
        URI webhookUrl,
        Secret webhookSecret,
        Outcome defaultOutcome,
        Optional<OutcomeMix> outcomeMix,
        boolean deliverOnClockAdvance) {

    /** Default {@link #id()}. */
    public static final String DEFAULT_ID = "simulated";
    /** Default {@link #webhookUrl()}; the {@code .test} domain never resolves. */
    public static final URI DEFAULT_WEBHOOK_URL = URI.create("https://simulated.campaignkit.test/webhook");
    /** Default {@link #webhookSecret()}. */
    public static final Secret DEFAULT_WEBHOOK_SECRET = Secret.of("simulated-webhook-secret");
    /**
     * Default {@link #capabilities()}: WhatsApp-like (templates, text, header media, media messages of every kind,
     * 80 per second, 24-hour window).
     */
    public static final ChannelCapabilities DEFAULT_CAPABILITIES = ChannelCapabilities.custom()
            .templates(true)
            .freeFormText(true)
            .mediaKinds(EnumSet.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.DOCUMENT))
            .mediaMessageKinds(MediaContent.KINDS)
            .maxMessagesPerSecond(80)
            .customerServiceWindow(Duration.ofHours(24))
            .maxBodyLength(4096)
            .build();
    /** Default {@link #defaultOutcome()}: accepted, SENT at once, DELIVERED one second later. */
    public static final Outcome DEFAULT_OUTCOME = Outcome.delivered(Duration.ofSeconds(1));

    /**
     * Validates; a bad argument is named in the error.
     *
     * @param id see {@link #id()}
     * @param clock see {@link #clock()}
     * @param capabilities see {@link #capabilities()}
     * @param webhookUrl see {@link #webhookUrl()}
     * @param webhookSecret see {@link #webhookSecret()}
     * @param defaultOutcome see {@link #defaultOutcome()}
     * @param outcomeMix see {@link #outcomeMix()}
     * @param deliverOnClockAdvance see {@link #deliverOnClockAdvance()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public SimulatedChannelConfiguration {
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("id must be a lower-case token such as 'simulated' (was " + id + ")");
        }
        require(clock, "clock");
        require(capabilities, "capabilities");
        require(webhookUrl, "webhookUrl");
        if (!webhookUrl.isAbsolute()) {
            throw new IllegalArgumentException("webhookUrl must be absolute (was " + webhookUrl + ")");
        }
        require(webhookSecret, "webhookSecret");
        require(defaultOutcome, "defaultOutcome");
        require(outcomeMix, "outcomeMix");
        if (deliverOnClockAdvance && !(clock instanceof TimeControl)) {
            throw new IllegalArgumentException(
                    "deliverOnClockAdvance needs a clock the test moves (a TimeControl such as the testkit's ManualClock), not "
                            + clock);
        }
    }

    /**
     * Starts a builder with the defaults and the system clock.
     *
     * @return a new builder
     */
    public static Builder custom() {
        return new Builder();
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Builder of {@link SimulatedChannelConfiguration}; not thread-safe. */
    public static final class Builder {
        private String id = DEFAULT_ID;
        private Clock clock = Clock.systemUTC();
        private ChannelCapabilities capabilities = DEFAULT_CAPABILITIES;
        private URI webhookUrl = DEFAULT_WEBHOOK_URL;
        private Secret webhookSecret = DEFAULT_WEBHOOK_SECRET;
        private Outcome defaultOutcome = DEFAULT_OUTCOME;
        private @Nullable OutcomeMix outcomeMix;
        private boolean deliverOnClockAdvance;

        private Builder() {}

        /**
         * @param value the channel id
         * @return this builder
         */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /**
         * @param value the clock, in tests a {@link TimeControl} such as the testkit's {@code ManualClock}
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * @param value the capabilities
         * @return this builder
         */
        public Builder capabilities(ChannelCapabilities value) {
            this.capabilities = value;
            return this;
        }

        /**
         * @param value the webhook URL
         * @return this builder
         */
        public Builder webhookUrl(URI value) {
            this.webhookUrl = value;
            return this;
        }

        /**
         * @param value the webhook signing key
         * @return this builder
         */
        public Builder webhookSecret(Secret value) {
            this.webhookSecret = value;
            return this;
        }

        /**
         * @param value the outcome of unscripted sends
         * @return this builder
         */
        public Builder defaultOutcome(Outcome value) {
            this.defaultOutcome = value;
            return this;
        }

        /**
         * @param value random outcomes for unscripted sends, or null for none
         * @return this builder
         */
        public Builder outcomeMix(OutcomeMix value) {
            this.outcomeMix = value;
            return this;
        }

        /**
         * @param value whether to deliver due events whenever the {@link TimeControl} clock moves
         * @return this builder
         */
        public Builder deliverOnClockAdvance(boolean value) {
            this.deliverOnClockAdvance = value;
            return this;
        }

        /** @return the validated configuration */
        public SimulatedChannelConfiguration build() {
            return new SimulatedChannelConfiguration(
                    id,
                    clock,
                    capabilities,
                    webhookUrl,
                    webhookSecret,
                    defaultOutcome,
                    Optional.ofNullable(outcomeMix),
                    deliverOnClockAdvance);
        }
    }
}
