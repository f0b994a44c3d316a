package io.campaignkit.core.engine.internal;

import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.ExclusivityPolicy;
import java.time.Duration;

/**
 * The host's rules about who may be messaged, as the builder set them.
 *
 * @param exclusivity each tenant's exclusivity scope
 * @param availability which contacts are busy now
 * @param busyRecheck how often a busy contact a campaign waits for is asked about again
 */
public record ContactRules(ExclusivityPolicy exclusivity, ContactAvailability availability, Duration busyRecheck) {

    /** Today's rules: exclusive per sender, nobody busy. */
    public static ContactRules ofDefaults() {
        return new ContactRules(
                ExclusivityPolicy.PER_SENDER, ContactAvailability.EVERYONE_AVAILABLE, Duration.ofMinutes(1));
    }
}
