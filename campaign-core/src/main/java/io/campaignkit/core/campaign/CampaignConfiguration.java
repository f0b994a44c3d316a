package io.campaignkit.core.campaign;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything about a campaign that an operator edits: name, bot flow, channel binding, message,
 * audience, custom-data schema, active hours, delivery plan and out-of-hours policy. Immutable;
 * built with {@link #custom()} or changed through {@link #toBuilder()}.
 *
 * <p>A configuration may be incomplete (a draft): the mandatory fields are empty until set.
 * {@link CampaignValidation#of(CampaignKind, CampaignConfiguration)} lists what is missing or
 * invalid. The other fields have defaults: no custom data ({@link CustomDataSchema#empty()}),
 * {@link ActiveHours#ofDefaults()}, {@link DeliveryPlan#ofDefaults()}, {@link OutOfHoursPolicy#DEFAULT},
 * no busy-contact wait ({@link Duration#ZERO}: a busy contact is skipped).
 *
 * <p><b>Several channels.</b> {@link #channel()} and {@link #message()} are the campaign's first
 * channel binding; a campaign may have further ones ({@link Builder#addChannel}), in order, each with
 * its own sender and message: {@link #channels()} lists them all. Each contact is sent the message of
 * the first binding that can reach it ({@link ChannelBinding#reaches}); when the provider answers
 * that the contact is not on that channel at all ({@code SendFailure.notOnChannel()}), or, with
 * {@link #fallbackAfter()}, when the message is not DELIVERED within that time, the contact is sent
 * the next binding's message that can reach it, once per binding. Only the timed fallback may lead a
 * contact to receive messages on two channels (the first may still arrive late): setting
 * {@code fallbackAfter} is how a campaign asks for that.
 */
public final class CampaignConfiguration {

    /** Longest campaign name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest {@link #busyContactWait()} accepted. */
    public static final Duration MAX_BUSY_CONTACT_WAIT = Duration.ofDays(30);

    private static final CampaignConfiguration EMPTY = new Builder().build();

    private final ConfigurationValues values;
    /** Every binding, the first included: made once, the engine reads a recipient's binding at every send. */
    private final List<ChannelBinding> channels;

    private CampaignConfiguration(ConfigurationValues values) {
        this.values = values;
        this.channels = values.channels();
    }

    /** A configuration with nothing set but the defaults. */
    public static CampaignConfiguration empty() {
        return EMPTY;
    }

    /** A builder starting from {@link #empty()}. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding this configuration, to change some fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public Optional<String> name() {
        return Optional.ofNullable(values.name());
    }

    /** The id of the bot flow that answers replies. */
    public Optional<String> botFlowId() {
        return Optional.ofNullable(values.botFlowId());
    }

    public Optional<SenderKey> channel() {
        return Optional.ofNullable(values.channel());
    }

    public Optional<TemplateMessage> message() {
        return Optional.ofNullable(values.message());
    }

    /** The contacts the first channel may reach; empty for every contact. */
    public Optional<ContactCondition> channelCondition() {
        return Optional.ofNullable(values.channelCondition());
    }

    /** The channel bindings after the first, in order: fallbacks, or channels for the contacts the first cannot reach. */
    public List<ChannelBinding> fallbackChannels() {
        return values.fallbackChannels();
    }

    /**
     * Every channel binding, in order: the first ({@link #channel()}, {@link #message()},
     * {@link #channelCondition()}) then {@link #fallbackChannels()}; empty while the first channel or
     * its message is not set.
     */
    public List<ChannelBinding> channels() {
        return channels;
    }

    /**
     * How long a message may stay undelivered before the contact is sent the next channel's message;
     * empty for no timed fallback (the default: only a "not on this channel" answer falls back).
     */
    public Optional<Duration> fallbackAfter() {
        return Optional.ofNullable(values.fallbackAfter());
    }

    public Optional<AudienceReference> audience() {
        return Optional.ofNullable(values.audience());
    }

    public CustomDataSchema schema() {
        return values.schema();
    }

    public ActiveHours activeHours() {
        return values.activeHours();
    }

    public DeliveryPlan deliveryPlan() {
        return values.deliveryPlan();
    }

    public OutOfHoursPolicy outOfHoursPolicy() {
        return values.outOfHoursPolicy();
    }

    /**
     * Present when the {@link #activeHours()} are read on each recipient's own wall clock (sending and
     * the out-of-hours handling of replies alike); empty (the default) when they are read in their zone.
     */
    public Optional<LocalHours> localHours() {
        return Optional.ofNullable(values.localHours());
    }

    /**
     * How long a contact the host's {@link io.campaignkit.core.port.ContactAvailability} says is busy is
     * kept PENDING and checked again, counted from when the engine first found it busy; still busy after
     * that, it is skipped ({@code CONTACT_BUSY}). {@link Duration#ZERO}, the default, skips it at once.
     */
    public Duration busyContactWait() {
        return values.busyContactWait();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CampaignConfiguration that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /**
     * Builds a {@link CampaignConfiguration}. Setters refuse null and blank values, naming the
     * argument; a mandatory field left unset is reported by validation, not here. The
     * {@code clear...} methods unset a mandatory field.
     */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable String botFlowId;
        private @Nullable SenderKey channel;
        private @Nullable TemplateMessage message;
        private @Nullable ContactCondition channelCondition;
        private List<ChannelBinding> fallbackChannels = new ArrayList<>();
        private @Nullable Duration fallbackAfter;
        private @Nullable AudienceReference audience;
        private CustomDataSchema schema = CustomDataSchema.empty();
        private ActiveHours activeHours = ActiveHours.ofDefaults();
        private DeliveryPlan deliveryPlan = DeliveryPlan.ofDefaults();
        private OutOfHoursPolicy outOfHoursPolicy = OutOfHoursPolicy.DEFAULT;
        private @Nullable LocalHours localHours;
        private Duration busyContactWait = Duration.ZERO;

        private Builder() {}

        private Builder(CampaignConfiguration from) {
            ConfigurationValues values = from.values;
            name = values.name();
            botFlowId = values.botFlowId();
            channel = values.channel();
            message = values.message();
            channelCondition = values.channelCondition();
            fallbackChannels = new ArrayList<>(values.fallbackChannels());
            fallbackAfter = values.fallbackAfter();
            audience = values.audience();
            schema = values.schema();
            activeHours = values.activeHours();
            deliveryPlan = values.deliveryPlan();
            outOfHoursPolicy = values.outOfHoursPolicy();
            localHours = values.localHours();
            busyContactWait = values.busyContactWait();
        }

        /** The campaign's name, trimmed; 1 to {@value #MAX_NAME_LENGTH} characters. */
        public Builder name(String name) {
            Arguments.requireNonBlank(name, "name");
            Arguments.require(
                    name.strip().length() <= MAX_NAME_LENGTH,
                    "name",
                    "name must be at most " + MAX_NAME_LENGTH + " characters, was "
                            + name.strip().length());
            this.name = name.strip();
            return this;
        }

        public Builder clearName() {
            this.name = null;
            return this;
        }

        public Builder botFlowId(String botFlowId) {
            this.botFlowId = Arguments.requireNonBlank(botFlowId, "botFlowId").strip();
            return this;
        }

        public Builder clearBotFlowId() {
            this.botFlowId = null;
            return this;
        }

        public Builder channel(SenderKey channel) {
            this.channel = Arguments.requireNonNull(channel, "channel");
            return this;
        }

        /** Shorthand for {@code channel(SenderKey.of(channelType, senderId))}. */
        public Builder channel(String channelType, String senderId) {
            return channel(SenderKey.of(channelType, senderId));
        }

        public Builder clearChannel() {
            this.channel = null;
            return this;
        }

        public Builder message(TemplateMessage message) {
            this.message = Arguments.requireNonNull(message, "message");
            return this;
        }

        public Builder clearMessage() {
            this.message = null;
            return this;
        }

        /** Limits the first channel to the contacts that meet {@code condition}. */
        public Builder channelCondition(ContactCondition condition) {
            this.channelCondition = Arguments.requireNonNull(condition, "channelCondition");
            return this;
        }

        public Builder clearChannelCondition() {
            this.channelCondition = null;
            return this;
        }

        /**
         * Every channel binding at once, in order: the first becomes {@code channel}, {@code message} and
         * {@code channelCondition}, the others the fallback channels.
         *
         * @param channels at least one; no sender twice
         */
        public Builder channels(List<ChannelBinding> channels) {
            Arguments.requireNoNullElements(channels, "channels");
            Arguments.require(!channels.isEmpty(), "channels", "a campaign needs at least one channel");
            ChannelBinding first = channels.get(0);
            this.channel = first.sender();
            this.message = first.message();
            this.channelCondition = first.onlyFor().orElse(null);
            this.fallbackChannels = new ArrayList<>();
            channels.subList(1, channels.size()).forEach(this::addChannel);
            return this;
        }

        /**
         * Appends a channel binding after the others (the first one, when no channel and message are set
         * yet).
         *
         * @throws IllegalArgumentException naming {@code channel} when the campaign already sends from its sender
         */
        public Builder addChannel(ChannelBinding binding) {
            Arguments.requireNonNull(binding, "channel");
            if (channel == null && message == null) {
                channel = binding.sender();
                message = binding.message();
                channelCondition = binding.onlyFor().orElse(null);
                return this;
            }
            boolean taken = binding.sender().equals(channel)
                    || fallbackChannels.stream()
                            .anyMatch(other -> other.sender().equals(binding.sender()));
            Arguments.require(
                    !taken,
                    "channel",
                    "the campaign already sends from " + binding.sender().channelType() + " sender "
                            + binding.sender().senderId() + "; each channel binding has its own sender");
            fallbackChannels.add(binding);
            return this;
        }

        /** Removes the channels after the first. */
        public Builder clearFallbackChannels() {
            this.fallbackChannels = new ArrayList<>();
            return this;
        }

        /**
         * Sends the next channel's message to a contact whose message is not DELIVERED within
         * {@code after} (so the contact may get both, should the first arrive late).
         *
         * @param after positive
         */
        public Builder fallbackAfter(Duration after) {
            Arguments.requireNonNull(after, "fallbackAfter");
            Arguments.require(
                    !after.isNegative() && !after.isZero(),
                    "fallbackAfter",
                    "fallbackAfter must be positive, was " + after);
            this.fallbackAfter = after;
            return this;
        }

        public Builder clearFallbackAfter() {
            this.fallbackAfter = null;
            return this;
        }

        public Builder audience(AudienceReference audience) {
            this.audience = Arguments.requireNonNull(audience, "audience");
            return this;
        }

        public Builder clearAudience() {
            this.audience = null;
            return this;
        }

        /** The custom data every contact must have; {@link CustomDataSchema#empty()} for none. */
        public Builder schema(CustomDataSchema schema) {
            this.schema = Arguments.requireNonNull(schema, "schema");
            return this;
        }

        public Builder activeHours(ActiveHours activeHours) {
            this.activeHours = Arguments.requireNonNull(activeHours, "activeHours");
            return this;
        }

        public Builder deliveryPlan(DeliveryPlan deliveryPlan) {
            this.deliveryPlan = Arguments.requireNonNull(deliveryPlan, "deliveryPlan");
            return this;
        }

        public Builder outOfHoursPolicy(OutOfHoursPolicy outOfHoursPolicy) {
            this.outOfHoursPolicy = Arguments.requireNonNull(outOfHoursPolicy, "outOfHoursPolicy");
            return this;
        }

        /** Reads the active hours on each recipient's wall clock; see {@link LocalHours}. */
        public Builder localHours(LocalHours localHours) {
            this.localHours = Arguments.requireNonNull(localHours, "localHours");
            return this;
        }

        /** Reads the active hours in their own zone again (the default). */
        public Builder clearLocalHours() {
            this.localHours = null;
            return this;
        }

        /**
         * How long a busy contact is waited for ({@link CampaignConfiguration#busyContactWait()}); from
         * {@link Duration#ZERO} (skip at once) to {@link #MAX_BUSY_CONTACT_WAIT}.
         */
        public Builder busyContactWait(Duration wait) {
            Arguments.requireNonNull(wait, "wait");
            Arguments.require(
                    !wait.isNegative() && wait.compareTo(MAX_BUSY_CONTACT_WAIT) <= 0,
                    "wait",
                    "wait must be from 0 to " + MAX_BUSY_CONTACT_WAIT + ", was " + wait);
            this.busyContactWait = wait;
            return this;
        }

        public CampaignConfiguration build() {
            return new CampaignConfiguration(new ConfigurationValues(
                    name,
                    botFlowId,
                    channel,
                    message,
                    channelCondition,
                    fallbackChannels,
                    fallbackAfter,
                    audience,
                    schema,
                    activeHours,
                    deliveryPlan,
                    outOfHoursPolicy,
                    localHours,
                    busyContactWait));
        }
    }
}
