package io.campaignkit.core.port;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.Contact;

/**
 * Reads an imported list again when no host call is there to hand it over: at a scheduled
 * campaign's start (any engine on the store may launch it), and when an engine resumes a launch a
 * crashed process left half done. The host implements it (the CLI reads the contact file the list
 * names); without one, a scheduled imported-list campaign is refused at its start
 * ({@link io.campaignkit.core.campaign.Unscheduling#LAUNCH_REFUSED}). Segments and TEST audiences
 * come from the {@link ContactDirectory}, retargeted audiences from the store, and need no source.
 */
@FunctionalInterface
public interface AudienceSource {

    /**
     * The contacts of {@code list}, the audience of {@code campaign}, as they are now; iterated
     * twice (checked, then added).
     *
     * @throws io.campaignkit.core.engine.IncompleteAudienceException when the list cannot be read
     *     ({@code NO_AUDIENCE}, with the reason): a scheduled campaign is then unscheduled with the
     *     message; any other exception is taken as passing and the start is tried again at the next run
     */
    Iterable<Contact> importedList(Campaign campaign, AudienceReference.ImportedList list);
}
