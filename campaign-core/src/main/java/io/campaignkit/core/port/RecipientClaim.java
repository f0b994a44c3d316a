package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.internal.Arguments;

/**
 * One recipient of a campaign handed to one engine process under a {@link Lease}.
 *
 * @param campaignId the campaign
 * @param contact the recipient's contact, with the custom data the message needs
 * @param lease who holds it, and until when
 */
public record RecipientClaim(CampaignId campaignId, Contact contact, Lease lease) {

    public RecipientClaim {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(contact, "contact");
        Arguments.requireNonNull(lease, "lease");
    }
}
