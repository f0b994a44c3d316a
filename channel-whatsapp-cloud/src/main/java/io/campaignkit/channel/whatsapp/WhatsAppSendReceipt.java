package io.campaignkit.channel.whatsapp;

import io.campaignkit.channel.SendReceipt;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WhatsAppCloudAdapter#sendDetailed} answers: the SPI receipt plus what Meta said about
 * the recipient and the message, which the SPI's {@link SendReceipt} has no place for.
 *
 * @param receipt       the SPI receipt (the wamid and when it was accepted)
 * @param recipient     the recipient as Meta resolved it ({@code contacts[0].wa_id}) in E.164 with '+',
 *                      when Meta answered one; it may differ from the number sent to
 * @param messageStatus {@code accepted} or {@code held_for_quality_assessment} when Meta said
 */
public record WhatsAppSendReceipt(SendReceipt receipt, Optional<String> recipient, Optional<String> messageStatus) {

    /** {@code message_status} of a message Meta is holding for a quality check before delivery. */
    public static final String HELD_FOR_QUALITY_ASSESSMENT = "held_for_quality_assessment";

    public WhatsAppSendReceipt {
        Objects.requireNonNull(receipt, "receipt must not be null");
        Objects.requireNonNull(recipient, "recipient must not be null");
        Objects.requireNonNull(messageStatus, "messageStatus must not be null");
    }

    /** @return true when Meta holds the message for a quality assessment before delivering it */
    public boolean heldForQualityAssessment() {
        return messageStatus.filter(HELD_FOR_QUALITY_ASSESSMENT::equals).isPresent();
    }
}
