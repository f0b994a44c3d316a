package io.campaignkit.channel.event;

import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message from a contact to one of the account's senders. {@link #content()} says what it is, typed
 * (text, media, location, contacts, reaction, button or list reply, form reply, or a kind the adapter
 * does not read); {@link #text()}, {@link #buttonPayload()} and {@link #media()} are the older flat view
 * of the same message, kept for hosts written before it. Build with
 * {@link #builder(String, String, String, Instant)}.
 *
 * @param providerMessageId         the provider's id of this inbound message
 * @param from                      the contact's number in E.164 when the provider gives a number
 *                                  (the adapter strips prefixes such as {@code whatsapp:} and
 *                                  normalizes the provider's own number forms); for a contact the
 *                                  provider names only by another id (a WhatsApp user who hides the
 *                                  number behind a username has a business-scoped user id such as
 *                                  {@code US.13491208655302741918}), that id
 * @param to                        the sender that received it: the same sender id the engine uses in
 *                                  {@link io.campaignkit.channel.OutboundMessage#senderId()}
 * @param timestamp                 when the contact sent it
 * @param text                      the text, media caption, or tapped button's or row's title, when there is one
 * @param buttonPayload             the payload of the tapped button, or the id of the chosen list row, when there is one
 * @param replyToProviderMessageId  the provider id of the message this one replies to or quotes
 * @param media                     the attached media
 * @param profileName               the contact's display name on the channel, when given
 * @param content                   what the contact sent, typed
 */
public record InboundMessage(
        String providerMessageId,
        String from,
        String to,
        Instant timestamp,
        Optional<String> text,
        Optional<String> buttonPayload,
        Optional<String> replyToProviderMessageId,
        List<MediaReference> media,
        Optional<String> profileName,
        InboundContent content)
        implements ChannelEvent {

    /**
     * Validates and copies; every argument is checked and a bad one is named in the error.
     *
     * @param providerMessageId see {@link #providerMessageId()}
     * @param from see {@link #from()}
     * @param to see {@link #to()}
     * @param timestamp see {@link #timestamp()}
     * @param text see {@link #text()}
     * @param buttonPayload see {@link #buttonPayload()}
     * @param replyToProviderMessageId see {@link #replyToProviderMessageId()}
     * @param media see {@link #media()}
     * @param profileName see {@link #profileName()}
     * @param content see {@link #content()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public InboundMessage {
        Checks.notBlank(providerMessageId, "providerMessageId");
        Checks.notBlank(from, "from");
        Checks.notBlank(to, "to");
        Checks.notNull(timestamp, "timestamp");
        Checks.optional(text, "text");
        Checks.optional(buttonPayload, "buttonPayload");
        Checks.optional(replyToProviderMessageId, "replyToProviderMessageId");
        media = Checks.listOf(media, "media");
        Checks.optional(profileName, "profileName");
        Checks.notNull(content, "content");
    }

    /**
     * Starts a builder with the mandatory fields.
     *
     * @param providerMessageId the provider's id, not blank
     * @param from              the contact's number, not blank
     * @param to                the receiving sender id, not blank
     * @param timestamp         when it was sent, not null
     * @return a builder
     */
    public static Builder builder(String providerMessageId, String from, String to, Instant timestamp) {
        return new Builder(providerMessageId, from, to, timestamp);
    }

    /** @return {@code inbound:<providerMessageId>} */
    @Override
    public String deduplicationKey() {
        return "inbound:" + providerMessageId;
    }

    /**
     * Builder of {@link InboundMessage}; not thread-safe. Set the {@link #content(InboundContent) content};
     * the flat fields not set are derived from it. Without a content, it is derived from the flat fields:
     * a button payload makes a {@link InboundContent.ButtonReply} (titled with the text), media a
     * {@link InboundContent.Media} (captioned with the text), else a {@link InboundContent.Text}.
     */
    public static final class Builder {
        private final String providerMessageId;
        private final String from;
        private final String to;
        private final Instant timestamp;
        private @Nullable String text;
        private @Nullable String buttonPayload;
        private @Nullable String replyToProviderMessageId;
        private List<MediaReference> media = List.of();
        private @Nullable String profileName;
        private @Nullable InboundContent content;

        private Builder(String providerMessageId, String from, String to, Instant timestamp) {
            this.providerMessageId = providerMessageId;
            this.from = from;
            this.to = to;
            this.timestamp = timestamp;
        }

        /**
         * @param value the text or caption, or null for none
         * @return this builder
         */
        public Builder text(@Nullable String value) {
            this.text = value;
            return this;
        }

        /**
         * @param value the tapped button's payload, or null for none
         * @return this builder
         */
        public Builder buttonPayload(@Nullable String value) {
            this.buttonPayload = value;
            return this;
        }

        /**
         * @param value the provider id of the quoted message, or null for none
         * @return this builder
         */
        public Builder replyToProviderMessageId(@Nullable String value) {
            this.replyToProviderMessageId = value;
            return this;
        }

        /**
         * @param value the attached media, not null
         * @return this builder
         */
        public Builder media(List<MediaReference> value) {
            this.media = Checks.listOf(value, "media");
            return this;
        }

        /**
         * @param value the contact's display name, or null for none
         * @return this builder
         */
        public Builder profileName(@Nullable String value) {
            this.profileName = value;
            return this;
        }

        /**
         * @param value what the contact sent, typed, not null
         * @return this builder
         */
        public Builder content(InboundContent value) {
            this.content = Checks.notNull(value, "content");
            return this;
        }

        /** @return the validated event */
        public InboundMessage build() {
            InboundContent typed = content != null ? content : derivedContent();
            Optional<String> flatText = Optional.ofNullable(text)
                    .or(() -> content == null
                            ? Optional.empty()
                            : typed instanceof InboundContent.Text t ? Optional.of(t.body()) : typed.displayText());
            Optional<String> flatPayload = Optional.ofNullable(buttonPayload)
                    .or(() -> content == null
                            ? Optional.empty()
                            : typed instanceof InboundContent.ButtonReply b
                                    ? Optional.of(b.payload())
                                    : typed instanceof InboundContent.ListReply l
                                            ? Optional.of(l.id())
                                            : Optional.empty());
            List<MediaReference> flatMedia = !media.isEmpty() || content == null
                    ? media
                    : typed instanceof InboundContent.Media m ? m.items() : List.of();
            return new InboundMessage(
                    providerMessageId,
                    from,
                    to,
                    timestamp,
                    flatText,
                    flatPayload,
                    Optional.ofNullable(replyToProviderMessageId),
                    flatMedia,
                    Optional.ofNullable(profileName),
                    typed);
        }

        private InboundContent derivedContent() {
            if (buttonPayload != null && !buttonPayload.isBlank()) {
                return new InboundContent.ButtonReply(buttonPayload, Optional.ofNullable(text));
            }
            if (!media.isEmpty()) {
                return new InboundContent.Media(media, Optional.ofNullable(text), Optional.empty());
            }
            return new InboundContent.Text(text == null ? "" : text);
        }
    }
}
