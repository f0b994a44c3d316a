package io.campaignkit.channel.twilio;

/**
 * The kind of Twilio sender, which sets how fast it may send by default (Twilio's published
 * throughput: US/CA long code 1 message per second, toll-free 3, short code 100, WhatsApp 80).
 */
public enum TwilioSenderType {
    /** A 10-digit long code: 1 message (segment) per second. */
    LONG_CODE(1),
    /** A toll-free number: 3 messages per second to US/CA. */
    TOLL_FREE(3),
    /** A short code: 100 messages per second. */
    SHORT_CODE(100),
    /** A WhatsApp sender ({@code whatsapp:+E164}): 80 messages per second. */
    WHATSAPP(80);

    private final double defaultMessagesPerSecond;

    TwilioSenderType(double defaultMessagesPerSecond) {
        this.defaultMessagesPerSecond = defaultMessagesPerSecond;
    }

    /**
     * Twilio's default throughput for this kind of sender.
     *
     * @return messages per second
     */
    public double defaultMessagesPerSecond() {
        return defaultMessagesPerSecond;
    }
}
