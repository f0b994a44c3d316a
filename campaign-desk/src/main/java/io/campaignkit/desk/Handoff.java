package io.campaignkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.internal.Checks;
import java.util.Map;

/**
 * What the bot hands to the desk: its conversation, a note for the agent and the fields it collected.
 *
 * @param conversationId the engine's conversation id ({@code ConversationContext.conversationId()})
 * @param campaignId the campaign (its {@link DeskSettings} must be configured)
 * @param phone the contact
 * @param note the bot's note for the agent (may be empty)
 * @param fields dynamic fields the bot filled, by name (each checked against its definition)
 */
public record Handoff(
        String conversationId, CampaignId campaignId, PhoneNumber phone, String note, Map<String, String> fields) {

    public Handoff {
        Checks.nonBlank(conversationId, "conversationId");
        Checks.nonNull(campaignId, "campaignId");
        Checks.nonNull(phone, "phone");
        Checks.nonNull(note, "note");
        fields = Map.copyOf(Checks.noNullEntries(fields, "fields"));
    }
}
