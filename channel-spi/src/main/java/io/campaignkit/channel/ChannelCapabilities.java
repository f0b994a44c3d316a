package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a channel can send and how fast. The engine uses it to pace sends, to refuse a campaign whose
 * message the channel cannot carry, and to know whether free-form replies need an open
 * customer-service window.
 *
 * <p>Build with {@link #custom()}; unset fields take the {@code DEFAULT_*} values.
 *
 * @param templates             whether pre-approved templates ({@link TemplateContent}) can be sent; the engine refuses
 *                              to launch a template campaign on a channel without them ({@code CHANNEL_CANNOT_CARRY}),
 *                              and the same for inline text and {@code freeFormText}, rather than pause at the first send
 * @param freeFormText          whether free-form text ({@link TextContent}) can be sent
 * @param mediaKinds            the media kinds accepted as template header media
 * @param maxMessagesPerSecond  the most messages per second one sender may send; positive
 * @param customerServiceWindow when present, free-form text may only be sent within this long after
 *                              the recipient's last inbound message (WhatsApp: 24 hours)
 * @param maxBodyLength         the longest text body, in characters, that one message can carry
 * @param mediaMessageKinds     the kinds a {@link MediaContent media message} may have on this channel (a subset of
 *                              {@link MediaContent#KINDS}); empty when the channel sends no media messages, and
 *                              the engine then refuses one before calling the adapter
 */
public record ChannelCapabilities(
        boolean templates,
        boolean freeFormText,
        Set<MediaKind> mediaKinds,
        double maxMessagesPerSecond,
        Optional<Duration> customerServiceWindow,
        int maxBodyLength,
        Set<MediaKind> mediaMessageKinds) {

    /** Default for {@link #templates()}: true. */
    public static final boolean DEFAULT_TEMPLATES = true;
    /** Default for {@link #freeFormText()}: true. */
    public static final boolean DEFAULT_FREE_FORM_TEXT = true;
    /** Default for {@link #maxMessagesPerSecond()}: 1, the slowest common sender (an SMS long code). */
    public static final double DEFAULT_MAX_MESSAGES_PER_SECOND = 1.0;
    /** Default for {@link #maxBodyLength()}: 1600 characters. */
    public static final int DEFAULT_MAX_BODY_LENGTH = 1600;

    /**
     * Validates and copies; every argument is checked and a bad one is named in the error.
     *
     * @param templates see {@link #templates()}
     * @param freeFormText see {@link #freeFormText()}
     * @param mediaKinds see {@link #mediaKinds()}
     * @param maxMessagesPerSecond see {@link #maxMessagesPerSecond()}
     * @param customerServiceWindow see {@link #customerServiceWindow()}
     * @param maxBodyLength see {@link #maxBodyLength()}
     * @param mediaMessageKinds see {@link #mediaMessageKinds()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public ChannelCapabilities {
        mediaKinds = Set.copyOf(Checks.notNull(mediaKinds, "mediaKinds"));
        mediaMessageKinds = Set.copyOf(Checks.notNull(mediaMessageKinds, "mediaMessageKinds"));
        if (!MediaContent.KINDS.containsAll(mediaMessageKinds)) {
            throw new IllegalArgumentException(
                    "mediaMessageKinds must be among " + MediaContent.KINDS + " (was " + mediaMessageKinds + ")");
        }
        if (!mediaMessageKinds.isEmpty() && !freeFormText) {
            throw new IllegalArgumentException("mediaMessageKinds must be empty on a channel without freeFormText (was "
                    + mediaMessageKinds + ")");
        }
        if (!(maxMessagesPerSecond > 0) || Double.isInfinite(maxMessagesPerSecond)) {
            throw new IllegalArgumentException(
                    "maxMessagesPerSecond must be positive and finite (was " + maxMessagesPerSecond + ")");
        }
        Checks.optional(customerServiceWindow, "customerServiceWindow");
        customerServiceWindow.ifPresent(window -> {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("customerServiceWindow must be positive (was " + window + ")");
            }
        });
        Checks.positive(maxBodyLength, "maxBodyLength");
        if (!templates && !freeFormText) {
            throw new IllegalArgumentException("a channel must support templates or freeFormText (both were false)");
        }
    }

    /**
     * Capabilities without media messages, as before they existed.
     *
     * @param templates see {@link #templates()}
     * @param freeFormText see {@link #freeFormText()}
     * @param mediaKinds see {@link #mediaKinds()}
     * @param maxMessagesPerSecond see {@link #maxMessagesPerSecond()}
     * @param customerServiceWindow see {@link #customerServiceWindow()}
     * @param maxBodyLength see {@link #maxBodyLength()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public ChannelCapabilities(
            boolean templates,
            boolean freeFormText,
            Set<MediaKind> mediaKinds,
            double maxMessagesPerSecond,
            Optional<Duration> customerServiceWindow,
            int maxBodyLength) {
        this(templates, freeFormText, mediaKinds, maxMessagesPerSecond, customerServiceWindow, maxBodyLength, Set.of());
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Whether this channel can carry {@code content} at all (not checking its length).
     *
     * @param content the content, not null
     * @return true when the content's kind is supported
     */
    public boolean supports(MessageContent content) {
        Checks.notNull(content, "content");
        if (content instanceof TemplateContent template) {
            return templates
                    && template.headerMedia()
                            .map(media -> mediaKinds.contains(media.kind()))
                            .orElse(true);
        }
        if (content instanceof MediaContent media) {
            return mediaMessageKinds.contains(media.kind());
        }
        return freeFormText;
    }

    /** Builder of {@link ChannelCapabilities}; not thread-safe. */
    public static final class Builder {
        private boolean templates = DEFAULT_TEMPLATES;
        private boolean freeFormText = DEFAULT_FREE_FORM_TEXT;
        private Set<MediaKind> mediaKinds = EnumSet.noneOf(MediaKind.class);
        private double maxMessagesPerSecond = DEFAULT_MAX_MESSAGES_PER_SECOND;
        private @Nullable Duration customerServiceWindow;
        private int maxBodyLength = DEFAULT_MAX_BODY_LENGTH;
        private Set<MediaKind> mediaMessageKinds = EnumSet.noneOf(MediaKind.class);

        private Builder() {}

        /**
         * @param value whether templates can be sent
         * @return this builder
         */
        public Builder templates(boolean value) {
            this.templates = value;
            return this;
        }

        /**
         * @param value whether free-form text can be sent
         * @return this builder
         */
        public Builder freeFormText(boolean value) {
            this.freeFormText = value;
            return this;
        }

        /**
         * @param kinds the media kinds accepted as header media, not null
         * @return this builder
         */
        public Builder mediaKinds(Set<MediaKind> kinds) {
            this.mediaKinds = Set.copyOf(Checks.notNull(kinds, "mediaKinds"));
            return this;
        }

        /**
         * @param value messages per second for one sender, positive
         * @return this builder
         */
        public Builder maxMessagesPerSecond(double value) {
            this.maxMessagesPerSecond = value;
            return this;
        }

        /**
         * @param window the customer-service window, positive, or null for none
         * @return this builder
         */
        public Builder customerServiceWindow(@Nullable Duration window) {
            this.customerServiceWindow = window;
            return this;
        }

        /**
         * @param value the longest body in characters, positive
         * @return this builder
         */
        public Builder maxBodyLength(int value) {
            this.maxBodyLength = value;
            return this;
        }

        /**
         * @param kinds the kinds of media message the channel sends, among {@link MediaContent#KINDS}; not null
         * @return this builder
         */
        public Builder mediaMessageKinds(Set<MediaKind> kinds) {
            this.mediaMessageKinds = Set.copyOf(Checks.notNull(kinds, "mediaMessageKinds"));
            return this;
        }

        /**
         * @return the validated capabilities
         */
        public ChannelCapabilities build() {
            return new ChannelCapabilities(
                    templates,
                    freeFormText,
                    mediaKinds,
                    maxMessagesPerSecond,
                    Optional.ofNullable(customerServiceWindow),
                    maxBodyLength,
                    mediaMessageKinds);
        }
    }
}
