package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;

import java.util.regex.Pattern;

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

    // Structural E.164 only: the engine normalizes numbers with libphonenumber before they get here.
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    // Safe in a JSON string, a URL query and a form field without escaping surprises.
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]+");

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
        if (!E164.matcher(recipient).matches()) {
            throw new IllegalArgumentException("recipient must be an E.164 number such as +525500998877 (was '" + recipient + "')");
        }
        Checks.notBlank(senderId, "senderId");
        Checks.notBlank(correlationId, "correlationId");
        if (correlationId.length() > MAX_CORRELATION_ID_LENGTH || !CORRELATION_ID.matcher(correlationId).matches()) {
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
        return value != null && E164.matcher(value).matches();
    }
}
