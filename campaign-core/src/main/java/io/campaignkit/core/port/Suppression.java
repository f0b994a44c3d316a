package io.campaignkit.core.port;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.campaign.SenderKey;
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
 */
public record Suppression(Optional<SenderKey> sender, PhoneNumber phone, String source, Instant at) {

    /** The source of suppressions made from adapters' opt-out events. */
    public static final String CHANNEL_OPT_OUT = "CHANNEL_OPT_OUT";
    /** The source of suppressions the host adds. */
    public static final String HOST = "HOST";

    public Suppression {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonBlank(source, "source");
        Arguments.requireNonNull(at, "at");
    }
}
