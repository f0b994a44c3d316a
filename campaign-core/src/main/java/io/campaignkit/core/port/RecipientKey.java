package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;

/**
 * One recipient: a phone in a campaign. Campaign ids are unique in a store across tenants, so the
 * key is unique too.
 */
public record RecipientKey(CampaignId campaignId, PhoneNumber phone) {

    public RecipientKey {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
    }

    /**
     * The correlation id the engine sends with the message ({@code <campaignId>:<digits>}): it fits
     * the channel SPI's alphabet and length, and status events that echo it find the recipient.
     */
    public String correlationId() {
        return campaignId.value() + ":" + phone.digits();
    }

    @Override
    public String toString() {
        return campaignId + "/" + phone;
    }
}
