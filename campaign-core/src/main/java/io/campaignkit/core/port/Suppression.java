package io.campaignkit.core.port;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * A phone that must not be sent campaign messages: on one sender (an opt-out from a channel applies
 * to the sender the contact wrote to) or, with no sender, on every sender (the host's own list).
 *
 * @param sender the sender it applies to, or empty for every sender
 * @param phone the contact
 * @param source who asked: {@code CHANNEL_OPT_OUT}, {@code HOST}, ...
 * @param at when
 * @param reason why, as recorded: the keyword of a channel opt-out, the host's note; empty when none was
 *     given (and for suppressions stored before reasons were kept). At most {@value #MAX_REASON_LENGTH}
 *     characters, surrounding blanks removed
 */
public record Suppression(
        Optional<SenderKey> sender, PhoneNumber phone, String source, Instant at, Optional<String> reason) {

    /** The longest reason kept. */
    public static final int MAX_REASON_LENGTH = 1000;

    /** The source of suppressions made from adapters' opt-out events. */
    public static final String CHANNEL_OPT_OUT = "CHANNEL_OPT_OUT";
    /** The source of suppressions the host adds. */
    public static final String HOST = "HOST";

    public Suppression {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonBlank(source, "source");
        Arguments.requireNonNull(at, "at");
        Arguments.requireNonNull(reason, "reason");
        reason = reason.map(String::strip).filter(text -> !text.isEmpty());
        Arguments.require(
                reason.map(String::length).orElse(0) <= MAX_REASON_LENGTH,
                "reason",
                "a suppression's reason holds at most " + MAX_REASON_LENGTH + " characters, this one "
                        + reason.map(String::length).orElse(0));
    }

    /** A suppression without a reason (the form before reasons were kept). */
    public Suppression(Optional<SenderKey> sender, PhoneNumber phone, String source, Instant at) {
        this(sender, phone, source, at, Optional.empty());
    }

    /** Whether it applies on every sender rather than one. */
    public boolean isEverySender() {
        return sender.isEmpty();
    }
}
