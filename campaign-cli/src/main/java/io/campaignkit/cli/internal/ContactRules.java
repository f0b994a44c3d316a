package io.campaignkit.cli.internal;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.engine.CampaignEngineBuilder;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import java.time.Duration;
import java.util.Optional;

/**
 * Whom a campaign of the CLI may message besides opt-outs, as the options say: the tenant's
 * exclusivity scope ({@code --exclusivity}, the engine's), the contacts busy now
 * ({@code --busy-contacts}, the engine's), and how long a run's campaign waits for a busy contact
 * ({@code --busy-wait}, the campaign's own setting, stored with it).
 *
 * @param exclusivity how many active campaigns of the store a contact may be in at once
 * @param busyContacts the file of busy phone numbers, if given
 * @param busyWait zero: a busy contact is skipped as CONTACT_BUSY at once; else kept PENDING this long
 */
record ContactRules(ExclusivityScope exclusivity, Optional<BusyContactsFile> busyContacts, Duration busyWait) {

    /** The engine's defaults: one active campaign per contact and sender, nobody busy. */
    static final ContactRules DEFAULTS = new ContactRules(ExclusivityScope.PER_SENDER, Optional.empty(), Duration.ZERO);

    /** The engine's part: the scope, for the CLI's one tenant, and the busy contacts. */
    CampaignEngineBuilder applyTo(CampaignEngineBuilder builder) {
        builder.exclusivity(ExclusivityPolicy.everyTenant(exclusivity));
        busyContacts.ifPresent(builder::contactAvailability);
        return builder;
    }

    /** The campaign's part: how long it waits for a busy contact. */
    void configure(CampaignConfiguration.Builder configuration) {
        configuration.busyContactWait(busyWait);
    }
}
