package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.core.campaign.PauseReason;

/** Which pause reason a channel failure that stops a whole campaign maps to. */
final class PauseReasons {

    private PauseReasons() {}

    static PauseReason forFailure(SendErrorClass errorClass) {
        return switch (errorClass) {
            case CONTENT_PERMANENT -> PauseReason.CONTENT_REJECTED;
            case AUTHENTICATION -> PauseReason.CHANNEL_AUTHENTICATION;
            default -> PauseReason.CHANNEL_UNAVAILABLE;
        };
    }
}
