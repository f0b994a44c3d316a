package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.ButtonParameter;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.util.List;

/** Maps the SPI's outbound message to the Cloud API's vocabulary, refusing what WhatsApp cannot carry. */
public final class OutboundMapper {

    /** The Cloud API's limit for a text message body. */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** The message cannot be sent as it is: wrong for every recipient. */
    public static final class UnsendableException extends Exception {
        private final String code;

        UnsendableException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private OutboundMapper() {}

    public static GraphMessage toGraph(OutboundMessage message) throws UnsendableException {
        String to = WhatsAppIds.fromE164(message.recipient());
        // The correlation id travels as biz_opaque_callback_data: Meta echoes it in status webhooks.
        String callbackData = message.correlationId();
        if (message.content() instanceof TextContent text) {
            if (!text.media().isEmpty()) {
                // Not yet mapped to WhatsApp's image/video/document messages: refused, never dropped silently.
                throw new UnsendableException(
                        "whatsapp.text_media_unsupported",
                        "media attached to a text message is"
                                + " not supported by this adapter yet; send media as a template header");
            }
            if (text.body().length() > MAX_TEXT_LENGTH) {
                throw new UnsendableException(
                        "whatsapp.text_too_long",
                        "text body has " + text.body().length() + " characters; WhatsApp allows " + MAX_TEXT_LENGTH);
            }
            return new GraphMessage.Text(
                    to, text.body(), false, text.replyToProviderMessageId().orElse(null), callbackData);
        }
        if (message.content() instanceof MediaContent media) {
            return media(to, media, callbackData);
        }
        TemplateContent template = (TemplateContent) message.content();
        GraphMessage.HeaderMedia header = template.headerMedia().isPresent()
                ? headerMedia(template.headerMedia().get())
                : null;
        List<GraphMessage.Button> buttons =
                template.buttons().stream().map(OutboundMapper::button).toList();
        return new GraphMessage.Template(
                to, template.name(), template.language(), template.bodyParameters(), header, buttons, callbackData);
    }

    /** The Cloud API's limit for a media caption. */
    public static final int MAX_CAPTION_LENGTH = 1024;

    private static GraphMessage.Media media(String to, MediaContent media, String callbackData)
            throws UnsendableException {
        GraphMessage.MediaKind kind = switch (media.kind()) {
            case IMAGE -> GraphMessage.MediaKind.IMAGE;
            case VIDEO -> GraphMessage.MediaKind.VIDEO;
            case AUDIO -> GraphMessage.MediaKind.AUDIO;
            case DOCUMENT -> GraphMessage.MediaKind.DOCUMENT;
            default -> null;
        };
        if (kind == null) {
            // MediaContent allows no other kind; refused rather than sent as something else
            throw new UnsendableException(
                    "whatsapp.unsupported_media",
                    "a WhatsApp media message is an image, a video," + " an audio or a document, not " + media.kind());
        }
        if (media.caption().isPresent() && media.caption().get().length() > MAX_CAPTION_LENGTH) {
            throw new UnsendableException(
                    "whatsapp.caption_too_long",
                    "caption has " + media.caption().get().length() + " characters; WhatsApp allows "
                            + MAX_CAPTION_LENGTH);
        }
        return new GraphMessage.Media(
                to,
                kind,
                media.link().toString(),
                media.caption().orElse(null),
                media.fileName().orElse(null),
                media.voiceNote(),
                callbackData);
    }

    private static GraphMessage.HeaderMedia headerMedia(MediaReference media) throws UnsendableException {
        GraphMessage.MediaKind kind = switch (media.kind()) {
            case IMAGE -> GraphMessage.MediaKind.IMAGE;
            case VIDEO -> GraphMessage.MediaKind.VIDEO;
            case DOCUMENT -> GraphMessage.MediaKind.DOCUMENT;
            default -> null;
        };
        if (kind == null) {
            throw new UnsendableException(
                    "whatsapp.unsupported_header_media",
                    "a WhatsApp template header takes an image, a video or a document, not " + media.kind());
        }
        return new GraphMessage.HeaderMedia(
                kind,
                media.url().map(Object::toString).orElse(null),
                media.providerMediaId().orElse(null),
                null);
    }

    private static GraphMessage.Button button(ButtonParameter parameter) {
        GraphMessage.ButtonKind kind = parameter.kind() == ButtonParameter.Kind.QUICK_REPLY_PAYLOAD
                ? GraphMessage.ButtonKind.QUICK_REPLY
                : GraphMessage.ButtonKind.URL;
        return new GraphMessage.Button(kind, parameter.index(), parameter.value());
    }
}
