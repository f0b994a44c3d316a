package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;

/**
 * One message to send to one recipient.
 *
 * @param recipient     the recipient's phone number in E.164, such as {@code +525500998877}; the
 *                      adapter adds any channel prefix (such as {@code whatsapp:}) itself
 * @param senderId      which of the account's senders sends it: a WhatsApp phone-number id, a Twilio
 *                      number or messaging-service SID; not blank
 * @param correlationId CampaignKit's id for this recipient; the adapter passes it to the provider
 *                      wherever the provider echoes it back, so status events carry it. Not blank, at
 *                      most {@value #MAX_CORRELATION_ID_LENGTH} characters of {@code [A-Za-z0-9._:-]}
 * @param content       what to send
 */
public record OutboundMessage(String recipient, String senderId, String correlationId, MessageContent content) {

    /** The longest correlation id; short enough for every provider's echo field or callback URL. */
    public static final int MAX_CORRELATION_ID_LENGTH = 128;

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param recipient see {@link #recipient()}
     * @param senderId see {@link #senderId()}
     * @param correlationId see {@link #correlationId()}
     * @param content see {@link #content()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public OutboundMessage {
        Checks.notNull(recipient, "recipient");
        if (!isE164(recipient)) {
            throw new IllegalArgumentException(
                    "recipient must be an E.164 number such as +525500998877 (was '" + recipient + "')");
        }
        Checks.notBlank(senderId, "senderId");
        Checks.notBlank(correlationId, "correlationId");
        if (correlationId.length() > MAX_CORRELATION_ID_LENGTH || !isCorrelationIdShape(correlationId)) {
            throw new IllegalArgumentException("correlationId must be at most " + MAX_CORRELATION_ID_LENGTH
                    + " characters of [A-Za-z0-9._:-] (was '" + correlationId + "')");
        }
        Checks.notNull(content, "content");
    }

    /**
     * Whether {@code value} has the E.164 shape this type accepts ({@code +} then 7 to 15 digits, no
     * leading zero).
     *
     * @param value any string, may be null
     * @return true when it would be accepted as {@link #recipient()}
     */
    public static boolean isE164(String value) {
        // Structural E.164 only: the engine normalizes numbers with libphonenumber before they get here.
        // Scanned by hand, not with a regular expression: this runs for every message sent.
        if (value == null
                || value.length() < 8
                || value.length() > 16
                || value.charAt(0) != '+'
                || value.charAt(1) < '1'
                || value.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** [A-Za-z0-9._:-]+ : safe in a JSON string, a URL query and a form field without escaping surprises. */
    private static boolean isCorrelationIdShape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
