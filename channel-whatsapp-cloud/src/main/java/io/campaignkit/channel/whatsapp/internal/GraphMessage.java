package io.campaignkit.channel.whatsapp.internal;

import java.util.List;
import java.util.Objects;

/**
 * One outbound Cloud API message, already mapped from the SPI's vocabulary to WhatsApp's.
 * Phone numbers here are WhatsApp ids (digits, no '+').
 */
public sealed interface GraphMessage permits GraphMessage.Template, GraphMessage.Text, GraphMessage.Media {

    /** Recipient as a WhatsApp id: digits only. */
    String to();

    /** Echoed back by Meta in status webhooks; {@code null} when absent. */
    String callbackData();

    /** An approved template: the only kind allowed outside the 24-hour window. */
    record Template(
            String to,
            String name,
            String languageCode,
            List<String> bodyParameters,
            HeaderMedia header,
            List<Button> buttons,
            String callbackData)
            implements GraphMessage {
        public Template {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(languageCode, "languageCode");
            bodyParameters = List.copyOf(bodyParameters);
            buttons = List.copyOf(buttons);
        }
    }

    /** Free-form text: only inside the customer service window; optionally quoting a message. */
    record Text(String to, String body, boolean previewUrl, String replyToMessageId, String callbackData)
            implements GraphMessage {
        public Text {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A media message by public link ({@code "type": "image" | "video" | "audio" | "document"}): only inside the
     * customer service window. {@code caption} is {@code null} for audio; {@code filename} only for a document;
     * {@code voice} only for audio: Meta's voice message ({@code "audio": {"link": …, "voice": true}}).
     */
    record Media(
            String to, MediaKind kind, String link, String caption, String filename, boolean voice, String callbackData)
            implements GraphMessage {
        public Media {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(link, "link");
        }
    }

    /** Template header media, by public link or by uploaded media id (exactly one of them). */
    record HeaderMedia(MediaKind kind, String link, String mediaId, String filename) {
        public HeaderMedia {
            Objects.requireNonNull(kind, "kind");
            if ((link == null) == (mediaId == null)) {
                throw new IllegalArgumentException("header media needs exactly one of link or mediaId");
            }
        }
    }

    enum MediaKind {
        IMAGE("image"),
        VIDEO("video"),
        DOCUMENT("document"),
        AUDIO("audio");

        private final String wireName;

        MediaKind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A template button parameter; {@code index} is the button's position in the approved template. */
    record Button(ButtonKind kind, int index, String value) {
        public Button {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            if (index < 0) {
                throw new IllegalArgumentException("button index must be >= 0, was " + index);
            }
        }
    }

    enum ButtonKind {
        /** Quick reply: {@code value} is the payload returned in the reply's {@code button.payload}. */
        QUICK_REPLY,
        /** Dynamic URL: {@code value} is the suffix appended to the template's URL. */
        URL
    }
}
