package io.campaignkit.core.campaign;

import org.jspecify.annotations.Nullable;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
 */
public final class CampaignConfiguration {

    /** Longest campaign name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest {@link #busyContactWait()} accepted. */
    public static final Duration MAX_BUSY_CONTACT_WAIT = Duration.ofDays(30);

    private static final CampaignConfiguration EMPTY = new Builder().build();

    private final @Nullable String name;
    private final @Nullable String botFlowId;
    private final @Nullable SenderKey channel;
    private final @Nullable TemplateMessage message;
    private final @Nullable AudienceReference audience;
    private final CustomDataSchema schema;
    private final ActiveHours activeHours;
    private final DeliveryPlan deliveryPlan;
    private final OutOfHoursPolicy outOfHoursPolicy;
    private final @Nullable LocalHours localHours;
    private final Duration busyContactWait;

    private CampaignConfiguration(Builder builder) {
        this.name = builder.name;
        this.botFlowId = builder.botFlowId;
        this.channel = builder.channel;
        this.message = builder.message;
        this.audience = builder.audience;
        this.schema = builder.schema;
        this.activeHours = builder.activeHours;
        this.deliveryPlan = builder.deliveryPlan;
        this.outOfHoursPolicy = builder.outOfHoursPolicy;
        this.localHours = builder.localHours;
        this.busyContactWait = builder.busyContactWait;
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
        return Optional.ofNullable(name);
    }

    /** The id of the bot flow that answers replies. */
    public Optional<String> botFlowId() {
        return Optional.ofNullable(botFlowId);
    }

    public Optional<SenderKey> channel() {
        return Optional.ofNullable(channel);
    }

    public Optional<TemplateMessage> message() {
        return Optional.ofNullable(message);
    }

    public Optional<AudienceReference> audience() {
        return Optional.ofNullable(audience);
    }

    public CustomDataSchema schema() {
        return schema;
    }

    public ActiveHours activeHours() {
        return activeHours;
    }

    public DeliveryPlan deliveryPlan() {
        return deliveryPlan;
    }

    public OutOfHoursPolicy outOfHoursPolicy() {
        return outOfHoursPolicy;
    }

    /**
     * Present when the {@link #activeHours()} are read on each recipient's own wall clock (sending and
     * the out-of-hours handling of replies alike); empty (the default) when they are read in their zone.
     */
    public Optional<LocalHours> localHours() {
        return Optional.ofNullable(localHours);
    }

    /**
     * How long a contact the host's {@link io.campaignkit.core.port.ContactAvailability} says is busy is
     * kept PENDING and checked again, counted from when the engine first found it busy; still busy after
     * that, it is skipped ({@code CONTACT_BUSY}). {@link Duration#ZERO}, the default, skips it at once.
     */
    public Duration busyContactWait() {
        return busyContactWait;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CampaignConfiguration)) {
            return false;
        }
        CampaignConfiguration that = (CampaignConfiguration) other;
        return Objects.equals(name, that.name) && Objects.equals(botFlowId, that.botFlowId)
                && Objects.equals(channel, that.channel) && Objects.equals(message, that.message)
                && Objects.equals(audience, that.audience) && schema.equals(that.schema)
                && activeHours.equals(that.activeHours) && deliveryPlan.equals(that.deliveryPlan)
                && outOfHoursPolicy.equals(that.outOfHoursPolicy) && Objects.equals(localHours, that.localHours)
                && busyContactWait.equals(that.busyContactWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, botFlowId, channel, message, audience, schema, activeHours, deliveryPlan, outOfHoursPolicy,
                localHours, busyContactWait);
    }

    @Override
    public String toString() {
        return "CampaignConfiguration[name=" + name + ", botFlowId=" + botFlowId + ", channel=" + channel
                + ", message=" + message + ", audience=" + audience + ", schema=" + schema
                + ", activeHours=" + activeHours.toText() + " " + activeHours.zone() + ", deliveryPlan=" + deliveryPlan
                + ", outOfHoursPolicy=" + outOfHoursPolicy
                + (localHours == null ? "" : ", localHours=" + localHours.toText())
                + ", busyContactWait=" + busyContactWait + "]";
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
        private @Nullable AudienceReference audience;
        private CustomDataSchema schema = CustomDataSchema.empty();
        private ActiveHours activeHours = ActiveHours.ofDefaults();
        private DeliveryPlan deliveryPlan = DeliveryPlan.ofDefaults();
        private OutOfHoursPolicy outOfHoursPolicy = OutOfHoursPolicy.DEFAULT;
        private @Nullable LocalHours localHours;
        private Duration busyContactWait = Duration.ZERO;

        private Builder() {}

        private Builder(CampaignConfiguration from) {
            name = from.name;
            botFlowId = from.botFlowId;
            channel = from.channel;
            message = from.message;
            audience = from.audience;
            schema = from.schema;
            activeHours = from.activeHours;
            deliveryPlan = from.deliveryPlan;
            outOfHoursPolicy = from.outOfHoursPolicy;
            localHours = from.localHours;
            busyContactWait = from.busyContactWait;
        }

        /** The campaign's name, trimmed; 1 to {@value #MAX_NAME_LENGTH} characters. */
        public Builder name(String name) {
            Arguments.requireNonBlank(name, "name");
            Arguments.require(name.strip().length() <= MAX_NAME_LENGTH, "name",
                    "name must be at most " + MAX_NAME_LENGTH + " characters, was " + name.strip().length());
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
            Arguments.require(!wait.isNegative() && wait.compareTo(MAX_BUSY_CONTACT_WAIT) <= 0, "wait",
                    "wait must be from 0 to " + MAX_BUSY_CONTACT_WAIT + ", was " + wait);
            this.busyContactWait = wait;
            return this;
        }

        public CampaignConfiguration build() {
            return new CampaignConfiguration(this);
        }
    }
}
