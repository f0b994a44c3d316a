package io.campaignkit.channel.twilio.internal;

import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an {@link OutboundMessage} into the exact Twilio request: the {@code whatsapp:} prefix for
 * WhatsApp, {@code From} or {@code MessagingServiceSid} from the sender id, Body for text, MediaUrl (and the
 * caption as Body) for a media message, ContentSid
 * and ContentVariables for templates, and a status callback URL that carries the correlation id.
 */
public final class OutboundMapping {

    /** The status callback's query parameter holding CampaignKit's correlation id. */
    public static final String CORRELATION_PARAMETER = "ckCorrelationId";

    public static final String WHATSAPP_PREFIX = "whatsapp:";
    public static final int MAX_BODY_LENGTH = 1600;
    /** Most MediaUrl values one Twilio message takes. */
    public static final int MAX_MEDIA = 10;

    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    private final boolean whatsApp;
    private final URI statusCallbackUrl;
    private final Integer validityPeriodSeconds;
    private final ContentSidResolver contentSids;

    /** Finds the Content SID of a template name and language. */
    @FunctionalInterface
    public interface ContentSidResolver {
        Optional<String> contentSidFor(String name, String language);
    }

    public OutboundMapping(
            boolean whatsApp,
            URI statusCallbackUrl,
            Optional<Duration> validityPeriod,
            ContentSidResolver contentSids) {
        this.whatsApp = whatsApp;
        this.statusCallbackUrl = statusCallbackUrl;
        this.validityPeriodSeconds =
                validityPeriod.map(d -> (int) d.toSeconds()).orElse(null);
        this.contentSids = contentSids;
    }

    /**
     * @throws IllegalArgumentException when Twilio could not carry this message, with the reason
     */
    public MessageRequest toRequest(OutboundMessage message) {
        String to = address(message.recipient());
        String sender = message.senderId().strip();
        String from = null;
        String messagingServiceSid = null;
        if (MESSAGING_SERVICE_SID.matcher(sender).matches()) {
            messagingServiceSid = sender;
        } else if (sender.startsWith(WHATSAPP_PREFIX) && !whatsApp) {
            throw new IllegalArgumentException(
                    "senderId '" + sender + "' is a WhatsApp address but this adapter sends SMS");
        } else {
            from = sender.startsWith("+") ? address(sender) : sender;
        }
        URI callback = statusCallbackFor(message.correlationId());
        if (message.content() instanceof TextContent text) {
            // replyToProviderMessageId is not sent: Twilio's Messages API has no quoted-reply parameter.
            if (text.body().length() > MAX_BODY_LENGTH) {
                throw new IllegalArgumentException(
                        "body has " + text.body().length() + " characters; Twilio accepts at most " + MAX_BODY_LENGTH);
            }
            return new MessageRequest(
                    to,
                    from,
                    messagingServiceSid,
                    text.body().isBlank() ? null : text.body(),
                    mediaUrls(text.media()),
                    null,
                    null,
                    callback,
                    validityPeriodSeconds);
        }
        if (message.content() instanceof MediaContent media) {
            if (!mediaMessageKinds(whatsApp).contains(media.kind())) {
                throw new IllegalArgumentException("a " + media.kind() + " media message cannot go over SMS: MMS takes"
                        + " images only (" + mediaMessageKinds(false) + ")");
            }
            if (media.fileName().isPresent()) {
                throw new IllegalArgumentException(
                        "fileName '" + media.fileName().get() + "' cannot be sent: Twilio has no"
                                + " file-name parameter, the contact sees the name in the link's path");
            }
            return new MessageRequest(
                    to,
                    from,
                    messagingServiceSid,
                    media.caption().orElse(null),
                    List.of(media.link()),
                    null,
                    null,
                    callback,
                    validityPeriodSeconds);
        }
        TemplateContent template = (TemplateContent) message.content();
        if (template.headerMedia().isPresent()) {
            throw new IllegalArgumentException("template '" + template.name()
                    + "': header media is defined in the Twilio " + "Content template itself, not per message");
        }
        if (!template.buttons().isEmpty()) {
            throw new IllegalArgumentException("template '" + template.name()
                    + "': button parameters are not supported; " + "pass them as Content variables");
        }
        String contentSid = contentSids
                .contentSidFor(template.name(), template.language())
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "template '" + template.name() + "' (" + template.language()
                                        + ") has no Twilio Content SID: name it by its HX… SID or map it in the configuration"));
        return new MessageRequest(
                to,
                from,
                messagingServiceSid,
                null,
                List.of(),
                contentSid,
                ContentVariables.toJson(template.bodyParameters()),
                callback,
                validityPeriodSeconds);
    }

    /**
     * The media messages sent as MediaUrl: on WhatsApp every kind; over SMS (MMS) only images, the one kind
     * carriers take everywhere MMS exists.
     */
    public static Set<MediaKind> mediaMessageKinds(boolean whatsApp) {
        return whatsApp ? MediaContent.KINDS : Set.of(MediaKind.IMAGE);
    }

    /** Twilio fetches media from public URLs: a provider media id means nothing to it. */
    private static List<URI> mediaUrls(List<MediaReference> media) {
        if (media.size() > MAX_MEDIA) {
            throw new IllegalArgumentException(media.size() + " media attached; Twilio accepts at most " + MAX_MEDIA);
        }
        return media.stream()
                .map(reference -> reference
                        .url()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "media '" + reference.providerMediaId().orElse("?")
                                        + "' is a provider media id; Twilio needs a" + " public URL (MediaUrl)")))
                .toList();
    }

    /** The status callback URL with the correlation id as a query parameter. */
    public URI statusCallbackFor(String correlationId) {
        String base = statusCallbackUrl.toString();
        String separator = statusCallbackUrl.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + CORRELATION_PARAMETER + "="
                + URLEncoder.encode(correlationId, StandardCharsets.UTF_8));
    }

    /** The correlation id of a status callback URL's query parameters. */
    public static Optional<String> correlationIdOf(Map<String, List<String>> queryParameters) {
        List<String> values = queryParameters.get(CORRELATION_PARAMETER);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0));
    }

    private String address(String number) {
        return whatsApp ? WHATSAPP_PREFIX + number : number;
    }
}
