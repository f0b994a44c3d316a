package io.campaignkit.channel.twilio.internal;

import static io.campaignkit.channel.SendErrorClass.AUTHENTICATION;
import static io.campaignkit.channel.SendErrorClass.CONTENT_PERMANENT;
import static io.campaignkit.channel.SendErrorClass.RATE_LIMITED;
import static io.campaignkit.channel.SendErrorClass.RECIPIENT_PERMANENT;
import static io.campaignkit.channel.SendErrorClass.TRANSIENT;
import static io.campaignkit.channel.SendErrorClass.UNKNOWN_OUTCOME;

import io.campaignkit.channel.SendErrorClass;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio error codes to CampaignKit's error classes, for both the synchronous API error
 * ({@code ApiException.getCode()}) and the asynchronous {@code ErrorCode} of a status callback.
 * Meanings: {@code https://www.twilio.com/docs/api/errors/{code}}. Where issue 7 and the reference
 * table differ, issue 7 is followed (63016, 21408, 30032, 30034), except 63049: Meta's per-user
 * marketing limit reported by Twilio, which concerns that one recipient (issue 14), so it fails the
 * recipient instead of stopping the campaign. Sender-wide holds ({@code RATE_LIMITED}) are only for the
 * sender-wide codes 20429, 63018, 30001, 21611 and 30036.
 */
public final class TwilioErrorCodes {

    /** The recipient replied STOP: permanent for this recipient, and the engine should suppress it. */
    public static final int OPTED_OUT = 21610;

    private static final Map<Integer, SendErrorClass> CLASSES = Map.ofEntries(
            // the recipient cannot get messages: invalid To, not mobile, blocked, unknown, landline,
            // not on WhatsApp, opted out, free-form outside the WhatsApp 24-hour window
            Map.entry(21211, RECIPIENT_PERMANENT),
            Map.entry(21614, RECIPIENT_PERMANENT),
            Map.entry(30004, RECIPIENT_PERMANENT),
            Map.entry(30005, RECIPIENT_PERMANENT),
            Map.entry(30006, RECIPIENT_PERMANENT),
            Map.entry(63024, RECIPIENT_PERMANENT),
            Map.entry(63003, RECIPIENT_PERMANENT),
            Map.entry(OPTED_OUT, RECIPIENT_PERMANENT),
            Map.entry(63016, RECIPIENT_PERMANENT),
            // Meta withheld a marketing template from this user (its per-user limit, or a US number)
            Map.entry(63049, RECIPIENT_PERMANENT),
            // REST concurrency, WhatsApp rate limit, queue overflow, validity expired in the queue
            Map.entry(20429, RATE_LIMITED),
            Map.entry(63018, RATE_LIMITED),
            Map.entry(30001, RATE_LIMITED),
            Map.entry(21611, RATE_LIMITED),
            Map.entry(30036, RATE_LIMITED),
            // handset unreachable, unknown carrier error
            Map.entry(30003, TRANSIENT),
            Map.entry(30008, TRANSIENT),
            // credentials refused, account or resource not found, account suspended
            Map.entry(20003, AUTHENTICATION),
            Map.entry(20404, AUTHENTICATION),
            Map.entry(30002, AUTHENTICATION),
            // geo permission, spam filter, unverified toll-free, unregistered 10DLC
            Map.entry(21408, CONTENT_PERMANENT),
            Map.entry(30007, CONTENT_PERMANENT),
            Map.entry(30032, CONTENT_PERMANENT),
            Map.entry(30034, CONTENT_PERMANENT));

    private static final Map<Integer, Duration> RETRY_AFTER = Map.of(
            20429, Duration.ofSeconds(1),
            63018, Duration.ofMinutes(1),
            30001, Duration.ofMinutes(5),
            21611, Duration.ofMinutes(5),
            30036, Duration.ofMinutes(5));

    private TwilioErrorCodes() {}

    /** The class of a known Twilio code, empty for codes this table does not know. */
    public static Optional<SendErrorClass> classOf(int code) {
        return Optional.ofNullable(CLASSES.get(code));
    }

    /**
     * The class of a synchronous API error. The HTTP status decides first where it settles the
     * question: any 5xx may have created the message, so it is an unknown outcome whatever the code.
     *
     * @param code       Twilio's error code, or null when the answer had none
     * @param httpStatus the HTTP status, or null when unknown
     */
    public static SendErrorClass classifyApiError(Integer code, Integer httpStatus) {
        if (httpStatus != null && httpStatus >= 500) {
            return UNKNOWN_OUTCOME;
        }
        if (code != null && CLASSES.containsKey(code)) {
            return CLASSES.get(code);
        }
        if (httpStatus == null) {
            return UNKNOWN_OUTCOME;
        }
        return switch (httpStatus) {
            case 401, 403, 404 -> AUTHENTICATION;
            case 429 -> RATE_LIMITED;
            // Another 4xx refused this request and nothing was sent. Treating it as the recipient's
            // problem costs one recipient when wrong; treating it as the content's would stop the campaign.
            default -> httpStatus >= 400 ? RECIPIENT_PERMANENT : UNKNOWN_OUTCOME;
        };
    }

    /**
     * The class of an asynchronous failure ({@code ErrorCode} of a failed or undelivered message).
     * An unknown or missing code is taken as this recipient's problem: the message did fail.
     */
    public static SendErrorClass classifyDeliveryError(Integer code) {
        return code == null ? RECIPIENT_PERMANENT : CLASSES.getOrDefault(code, RECIPIENT_PERMANENT);
    }

    /**
     * Whether the code says the recipient is not on the sender's channel at all, so a campaign with a
     * further channel falls back ({@code SendFailure.notOnChannel}): 63003 "Channel could not find To
     * address" (an unregistered WhatsApp number) and 63024 "Invalid message recipient" (not on WhatsApp).
     */
    public static boolean notOnChannel(Integer code) {
        return code != null && (code == 63003 || code == 63024);
    }

    /** How long to wait before retrying after this code, when this table has an opinion. */
    public static Optional<Duration> retryAfter(Integer code) {
        return code == null ? Optional.empty() : Optional.ofNullable(RETRY_AFTER.get(code));
    }
}
