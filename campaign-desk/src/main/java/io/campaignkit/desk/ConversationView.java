package io.campaignkit.desk;

import java.util.Map;
import java.util.Optional;

/**
 * A conversation as an agent's screen shows it: the contact's number masked ({@code +52******8877})
 * unless the campaign's policy shows it.
 *
 * @param id the conversation
 * @param state its desk state
 * @param agentId its agent, if assigned
 * @param contactNumber the number, masked or not by policy
 * @param note the bot's note
 * @param fields the dynamic fields' values
 * @param disposition its last disposition
 */
public record ConversationView(
        String id,
        DeskState state,
        Optional<String> agentId,
        String contactNumber,
        String note,
        Map<String, String> fields,
        Optional<String> disposition) {}
