package io.campaignkit.channel.twilio.internal;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's messaging webhooks (status callbacks and inbound messages, told apart by their
 * parameters) to CampaignKit events, after checking {@code X-Twilio-Signature}.
 */
public final class WebhookHandler {

    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    /** An empty TwiML answer: Twilio sends no reply message. */
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    static final String TWIML_CONTENT_TYPE = "text/xml; charset=utf-8";

    /** How many deliveries are remembered for giving a repeated delivery its first timestamp. */
    static final int REMEMBERED_DELIVERIES = 4096;

    private final SignatureVerifier signatures;
    private final String configuredSender;
    private final OptKeywords keywords;
    private final Clock clock;
    /**
     * Twilio's webhooks carry no timestamp, so events are stamped with the request's arrival
     * ({@code WebhookRequest.receivedAt}, stamped by the host). For a request the host did not stamp,
     * the adapter's clock at its first arrival: Twilio retries a webhook with the same URL and
     * parameters, hence the same signature, and remembering the first arrival per signature makes a
     * repeated delivery yield equal events, as the SPI asks.
     */
    private final Map<String, Instant> firstSeen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_DELIVERIES;
        }
    };

    public WebhookHandler(SignatureVerifier signatures, String configuredSender, OptKeywords keywords, Clock clock) {
        this.signatures = signatures;
        this.configuredSender = configuredSender;
        this.keywords = keywords;
        this.clock = clock;
    }

    public WebhookResult handle(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            return WebhookResult.methodNotAllowed(request.method());
        }
        Map<String, String> params;
        try {
            params = singleValued(request.formParameters());
        } catch (IllegalArgumentException e) {
            return WebhookResult.badRequest("the body is not a Twilio form post: " + e.getMessage());
        }
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        if (signature.isEmpty() || !signatures.isValid(request.url(), params, signature.get())) {
            return WebhookResult.forbidden("invalid " + SIGNATURE_HEADER);
        }
        String messageSid = params.get("MessageSid");
        if (messageSid == null || messageSid.isBlank()) {
            return WebhookResult.badRequest("MessageSid is missing");
        }
        // Twilio's webhooks carry no time: the host's arrival stamp, else the first arrival remembered here
        Instant now = request.receivedAt()
                .orElseGet(() -> firstArrival(signature.get().strip()));
        List<ChannelEvent> events = isStatusCallback(params)
                ? statusEvents(messageSid, params, request.url(), request.queryParameters(), now)
                : inboundEvents(messageSid, params, now);
        return WebhookResult.ok(TWIML_CONTENT_TYPE, EMPTY_TWIML, events);
    }

    private Instant firstArrival(String signature) {
        synchronized (firstSeen) {
            return firstSeen.computeIfAbsent(signature, key -> clock.instant());
        }
    }

    private static boolean isStatusCallback(Map<String, String> params) {
        String status = params.get("MessageStatus");
        return status != null && !status.equalsIgnoreCase("received") && !status.equalsIgnoreCase("receiving");
    }

    // ---- status callbacks

    private List<ChannelEvent> statusEvents(
            String messageSid, Map<String, String> params, URI url, Map<String, List<String>> query, Instant now) {
        Optional<DeliveryStatus> status = deliveryStatusOf(params.get("MessageStatus"));
        if (status.isEmpty()) {
            return List.of(); // queued, sending, accepted, ... and statuses Twilio adds later
        }
        Optional<String> correlationId = OutboundMapping.correlationIdOf(query);
        Optional<String> recipient =
                Optional.ofNullable(params.get("To")).filter(s -> !s.isBlank()).map(WebhookHandler::bareNumber);
        List<ChannelEvent> events = new ArrayList<>();
        StatusUpdate update;
        if (status.get() == DeliveryStatus.FAILED) {
            Integer code = parseCode(params.get("ErrorCode"));
            update = StatusUpdate.failed(
                    messageSid, correlationId, now, deliveryFailure(params.get("MessageStatus"), code));
            if (code != null && code == TwilioErrorCodes.OPTED_OUT && recipient.isPresent()) {
                events.add(
                        new OptOut(recipient.get(), senderOf(params), now, Optional.empty(), Optional.of(messageSid)));
            }
        } else {
            update = StatusUpdate.of(messageSid, correlationId, status.get(), now);
        }
        events.add(0, recipient.map(update::withRecipient).orElse(update));
        return events;
    }

    /** Twilio's MessageStatus to the SPI's statuses; empty for those with no SPI meaning or unknown. */
    public static Optional<DeliveryStatus> deliveryStatusOf(String messageStatus) {
        if (messageStatus == null) {
            return Optional.empty();
        }
        return switch (messageStatus.strip().toLowerCase(Locale.ROOT)) {
            case "sent" -> Optional.of(DeliveryStatus.SENT);
            case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
            case "read" -> Optional.of(DeliveryStatus.READ);
            case "failed", "undelivered" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty();
        };
    }

    private static SendFailure deliveryFailure(String messageStatus, Integer code) {
        SendErrorClass errorClass = TwilioErrorCodes.classifyDeliveryError(code);
        String message = "Twilio reported the message " + messageStatus.strip().toLowerCase(Locale.ROOT)
                + (code == null ? " without an error code" : " with error " + code);
        SendFailure failure = code == null
                ? SendFailure.withoutProviderCode(errorClass, message)
                : errorClass == SendErrorClass.RECIPIENT_PERMANENT && TwilioErrorCodes.notOnChannel(code)
                        ? SendFailure.notOnChannel(String.valueOf(code), message)
                        : SendFailure.of(errorClass, String.valueOf(code), message);
        if (errorClass.isRetryable()) {
            failure = failure.withRetryAfter(TwilioErrorCodes.retryAfter(code).orElse(java.time.Duration.ofMinutes(1)));
        }
        return failure;
    }

    private static Integer parseCode(String errorCode) {
        if (errorCode == null || errorCode.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(errorCode.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- inbound messages

    private List<ChannelEvent> inboundEvents(String messageSid, Map<String, String> params, Instant now) {
        String rawFrom = blankToNull(params.get("From"));
        if (rawFrom == null && blankToNull(params.get("WaId")) != null) {
            rawFrom = "+" + params.get("WaId").strip(); // WhatsApp's own id of the contact: the number without '+'
        }
        if (rawFrom == null) {
            return List.of(new UnsupportedMessage(
                    Optional.of(messageSid),
                    Optional.empty(),
                    Optional.ofNullable(params.get("To")),
                    now,
                    "twilio-webhook",
                    "a Twilio webhook without From"));
        }
        String from = bareNumber(rawFrom);
        String to = senderOf(params);
        String body = params.get("Body");
        String buttonPayload = blankToNull(params.get("ButtonPayload"));
        // Keywords are an SMS mechanism (Twilio's Advanced Opt-Out is SMS only): a WhatsApp message or a
        // button tap is never one, whatever its text, and reaches the bot.
        boolean sms = !isWhatsApp(rawFrom, params) && buttonPayload == null;
        Optional<OptKeywords.Intent> intent = sms
                ? OptKeywords.intentOfOptOutType(params.get("OptOutType")).or(() -> keywords.intentOf(body))
                : Optional.empty();
        Optional<String> keyword = Optional.ofNullable(body).map(String::strip).filter(s -> !s.isEmpty());
        if (intent.isPresent() && intent.get() == OptKeywords.Intent.OPT_OUT) {
            return List.of(new OptOut(from, to, now, keyword, Optional.of(messageSid)));
        }
        List<ChannelEvent> events = new ArrayList<>();
        if (intent.isPresent()) {
            // an opt-in word ("YES") is also an answer the bot may be waiting for
            events.add(new OptIn(from, to, now, keyword, Optional.of(messageSid)));
        }
        events.add(inboundMessage(messageSid, params, from, to, now));
        return events;
    }

    private static boolean isWhatsApp(String rawFrom, Map<String, String> params) {
        String to = params.getOrDefault("To", "");
        return rawFrom.strip().regionMatches(true, 0, "whatsapp:", 0, 9)
                || to.strip().regionMatches(true, 0, "whatsapp:", 0, 9)
                || blankToNull(params.get("WaId")) != null;
    }

    private static ChannelEvent inboundMessage(
            String messageSid, Map<String, String> params, String from, String to, Instant now) {
        List<MediaReference> media = mediaOf(params);
        return InboundMessage.builder(messageSid, from, to, now)
                .text(blankToNull(params.get("Body")))
                .buttonPayload(blankToNull(params.get("ButtonPayload")))
                .replyToProviderMessageId(blankToNull(params.get("OriginalRepliedMessageSid")))
                .media(media)
                .profileName(blankToNull(params.get("ProfileName")))
                .content(TwilioInboundContent.of(params, media))
                .build();
    }

    private static List<MediaReference> mediaOf(Map<String, String> params) {
        int count;
        try {
            count = Integer.parseInt(params.getOrDefault("NumMedia", "0").strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        // NumMedia is only a claim: a signed NumMedia=2147483647 must not hold a webhook thread for a
        // minute, so no more indexes are looked at than the request has parameters.
        count = Math.min(count, params.size());
        List<MediaReference> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = blankToNull(params.get("MediaUrl" + i));
            if (url == null) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!uri.isAbsolute()) {
                continue;
            }
            String contentType = blankToNull(params.get("MediaContentType" + i));
            MediaReference reference = MediaReference.ofUrl(mediaKindOf(contentType), uri);
            media.add(contentType == null ? reference : reference.withMimeType(contentType));
        }
        return media;
    }

    static MediaKind mediaKindOf(String contentType) {
        if (contentType == null) {
            return MediaKind.OTHER;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.equals("image/webp")) {
            return MediaKind.STICKER;
        }
        if (type.startsWith("image/")) {
            return MediaKind.IMAGE;
        }
        if (type.startsWith("video/")) {
            return MediaKind.VIDEO;
        }
        if (type.startsWith("audio/")) {
            return MediaKind.AUDIO;
        }
        if (type.startsWith("application/") || type.startsWith("text/")) {
            return MediaKind.DOCUMENT;
        }
        return MediaKind.OTHER;
    }

    /**
     * The sender as the engine names it: the configured Messaging Service when Twilio says the
     * message went through it, else the address Twilio gives (keeping {@code whatsapp:}, as senders are written).
     */
    private String senderOf(Map<String, String> params) {
        String service = params.get("MessagingServiceSid");
        if (service != null && service.equals(configuredSender)) {
            return configuredSender;
        }
        String inboundTo = params.get("To");
        String outboundFrom = params.get("From");
        boolean status = isStatusCallback(params);
        String address = status ? outboundFrom : inboundTo;
        return address == null || address.isBlank() ? configuredSender : address;
    }

    /** {@code whatsapp:+15551234567} → {@code +15551234567}. */
    static String bareNumber(String address) {
        String value = address.strip();
        int colon = value.indexOf(':');
        return colon >= 0 ? value.substring(colon + 1) : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, String> singleValued(Map<String, List<String>> form) {
        Map<String, String> params = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (values.size() != 1) {
                throw new IllegalArgumentException("parameter '" + name + "' appears " + values.size() + " times");
            }
            params.put(name, values.get(0));
        });
        return params;
    }
}
