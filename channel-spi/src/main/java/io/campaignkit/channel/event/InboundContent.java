package io.campaignkit.channel.event;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What a contact sent, typed: every kind of inbound message a channel carries reaches the bot as one
 * of these, and a kind the adapter does not know as {@link Unsupported} with the provider's own name
 * for it, so a bot can at least answer "I cannot read that". Tell the kinds apart with
 * {@code instanceof} patterns:
 *
 * <pre>{@code
 * if (message.content() instanceof InboundContent.ButtonReply button) {
 *     confirm(button.payload());
 * } else if (message.content() instanceof InboundContent.Location place) {
 *     route(place.latitude(), place.longitude());
 * }
 * }</pre>
 *
 * <p>The SPI has no JSON library, so structured provider data (a WhatsApp Flow's answers) is kept as
 * the provider's JSON text.
 */
public sealed interface InboundContent
        permits InboundContent.Text,
                InboundContent.Media,
                InboundContent.Location,
                InboundContent.Contacts,
                InboundContent.Reaction,
                InboundContent.ButtonReply,
                InboundContent.ListReply,
                InboundContent.FlowReply,
                InboundContent.Unsupported {

    /**
     * Words a person would read for this content, for hosts and logs that only handle text: the text,
     * a caption, a tapped button's or row's title.
     *
     * @return the text, when the content has one
     */
    Optional<String> displayText();

    /**
     * A text message.
     *
     * @param body the text as sent; may be empty, never null
     */
    record Text(String body) implements InboundContent {
        /**
         * Validates.
         *
         * @param body see {@link #body()}
         * @throws IllegalArgumentException when body is null
         */
        public Text {
            Checks.notNull(body, "body");
        }

        /** @return the body, when not blank */
        @Override
        public Optional<String> displayText() {
            return Optional.of(body).filter(text -> !text.isBlank());
        }
    }

    /**
     * One or more media attachments (an image, a voice note, a document, a sticker, ...): each with its
     * kind, the provider's media id or a URL, and its MIME type when known.
     *
     * @param items    the attachments, at least one
     * @param caption  the caption or accompanying text, when there is one
     * @param filename the document's file name, when the provider gives one
     */
    record Media(List<MediaReference> items, Optional<String> caption, Optional<String> filename)
            implements InboundContent {
        /**
         * Validates and copies.
         *
         * @param items see {@link #items()}
         * @param caption see {@link #caption()}
         * @param filename see {@link #filename()}
         * @throws IllegalArgumentException when an argument is invalid
         */
        public Media {
            items = Checks.listOf(items, "items");
            if (items.isEmpty()) {
                throw new IllegalArgumentException("items must hold at least one attachment");
            }
            Checks.optional(caption, "caption");
            Checks.optional(filename, "filename");
        }

        /** @return the kind of the first attachment */
        public MediaKind kind() {
            return items.get(0).kind();
        }

        /** @return the caption */
        @Override
        public Optional<String> displayText() {
            return caption;
        }
    }

    /**
     * A shared location.
     *
     * @param latitude  degrees, -90 to 90
     * @param longitude degrees, -180 to 180
     * @param name      the place's name, when given
     * @param address   the place's address, when given
     */
    record Location(double latitude, double longitude, Optional<String> name, Optional<String> address)
            implements InboundContent {
        /**
         * Validates.
         *
         * @param latitude see {@link #latitude()}
         * @param longitude see {@link #longitude()}
         * @param name see {@link #name()}
         * @param address see {@link #address()}
         * @throws IllegalArgumentException when a coordinate is out of range or an optional is null
         */
        public Location {
            if (!(latitude >= -90 && latitude <= 90)) {
                throw new IllegalArgumentException("latitude must be -90..90 (was " + latitude + ")");
            }
            if (!(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("longitude must be -180..180 (was " + longitude + ")");
            }
            Checks.optional(name, "name");
            Checks.optional(address, "address");
        }

        /** @return the name, else the address */
        @Override
        public Optional<String> displayText() {
            return name.or(() -> address);
        }
    }

    /**
     * Contact cards the contact shared.
     *
     * @param contacts the cards, at least one
     */
    record Contacts(List<SharedContact> contacts) implements InboundContent {
        /**
         * Validates and copies.
         *
         * @param contacts see {@link #contacts()}
         * @throws IllegalArgumentException when the list is null, empty or holds null
         */
        public Contacts {
            contacts = Checks.listOf(contacts, "contacts");
            if (contacts.isEmpty()) {
                throw new IllegalArgumentException("contacts must hold at least one card");
            }
        }

        /** @return nothing: a card is data, not words */
        @Override
        public Optional<String> displayText() {
            return Optional.empty();
        }
    }

    /**
     * One shared contact card.
     *
     * @param name   the card's formatted name, when given
     * @param phones the card's phone numbers as written on it (not necessarily E.164)
     */
    record SharedContact(Optional<String> name, List<String> phones) {
        /**
         * Validates and copies.
         *
         * @param name see {@link #name()}
         * @param phones see {@link #phones()}
         * @throws IllegalArgumentException when an argument is null or holds null
         */
        public SharedContact {
            Checks.optional(name, "name");
            phones = Checks.listOf(phones, "phones");
        }
    }

    /**
     * A reaction (an emoji) to an earlier message, or its removal.
     *
     * @param reactedToProviderMessageId the provider's id of the message reacted to
     * @param emoji                      the emoji; empty when the contact removed the reaction
     */
    record Reaction(String reactedToProviderMessageId, Optional<String> emoji) implements InboundContent {
        /**
         * Validates.
         *
         * @param reactedToProviderMessageId see {@link #reactedToProviderMessageId()}
         * @param emoji see {@link #emoji()}
         * @throws IllegalArgumentException when an argument is invalid
         */
        public Reaction {
            Checks.notBlank(reactedToProviderMessageId, "reactedToProviderMessageId");
            Checks.optional(emoji, "emoji");
        }

        /** @return the emoji */
        @Override
        public Optional<String> displayText() {
            return emoji;
        }
    }

    /**
     * A tap on a button: a template's quick-reply button or an interactive reply button.
     *
     * @param payload the payload or id the business gave the button
     * @param title   the button's text, as the contact saw it, when the provider gives it
     */
    record ButtonReply(String payload, Optional<String> title) implements InboundContent {
        /**
         * Validates.
         *
         * @param payload see {@link #payload()}
         * @param title see {@link #title()}
         * @throws IllegalArgumentException when an argument is invalid
         */
        public ButtonReply {
            Checks.notBlank(payload, "payload");
            Checks.optional(title, "title");
        }

        /** @return the title */
        @Override
        public Optional<String> displayText() {
            return title;
        }
    }

    /**
     * A row chosen from a list message.
     *
     * @param id          the id the business gave the row
     * @param title       the row's title, when given
     * @param description the row's description, when given
     */
    record ListReply(String id, Optional<String> title, Optional<String> description) implements InboundContent {
        /**
         * Validates.
         *
         * @param id see {@link #id()}
         * @param title see {@link #title()}
         * @param description see {@link #description()}
         * @throws IllegalArgumentException when an argument is invalid
         */
        public ListReply {
            Checks.notBlank(id, "id");
            Checks.optional(title, "title");
            Checks.optional(description, "description");
        }

        /** @return the title */
        @Override
        public Optional<String> displayText() {
            return title;
        }
    }

    /**
     * The answers of a completed form (a WhatsApp Flow), as the provider's JSON text.
     *
     * @param responseJson the answers as JSON, as the provider sent them
     * @param body         the text the provider shows for it (WhatsApp: "Sent"), when given
     */
    record FlowReply(String responseJson, Optional<String> body) implements InboundContent {
        /**
         * Validates.
         *
         * @param responseJson see {@link #responseJson()}
         * @param body see {@link #body()}
         * @throws IllegalArgumentException when an argument is invalid
         */
        public FlowReply {
            Checks.notBlank(responseJson, "responseJson");
            Checks.optional(body, "body");
        }

        /** @return the body */
        @Override
        public Optional<String> displayText() {
            return body;
        }
    }

    /**
     * A kind of message the adapter does not read (a new provider type, an ephemeral or deleted message,
     * an order, a poll). The bot still gets it, so the contact's turn is not lost.
     *
     * @param providerType the provider's name for the type, such as {@code order} or {@code unsupported}
     */
    record Unsupported(String providerType) implements InboundContent {
        /**
         * Validates.
         *
         * @param providerType see {@link #providerType()}
         * @throws IllegalArgumentException when it is blank
         */
        public Unsupported {
            Checks.notBlank(providerType, "providerType");
        }

        /** @return nothing */
        @Override
        public Optional<String> displayText() {
            return Optional.empty();
        }
    }
}
