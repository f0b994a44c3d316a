package io.campaignkit.desk.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.internal.Checks;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which desk conversations to read; every part that is present must match.
 *
 * @param campaignId of this campaign
 * @param queue in this queue
 * @param agentId with this agent
 * @param phone of this contact
 * @param states in one of these states (not empty)
 */
public record DeskQuery(
        Optional<CampaignId> campaignId,
        Optional<String> queue,
        Optional<String> agentId,
        Optional<PhoneNumber> phone,
        Set<DeskState> states) {

    public DeskQuery {
        Checks.nonNull(campaignId, "campaignId");
        Checks.nonNull(queue, "queue");
        Checks.nonNull(agentId, "agentId");
        Checks.nonNull(phone, "phone");
        states = Set.copyOf(Checks.noNulls(states, "states"));
        Checks.require(!states.isEmpty(), "states", "a query names at least one state");
    }

    public static DeskQuery inStates(DeskState first, DeskState... more) {
        return new DeskQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), EnumSet.of(first, more));
    }

    public static DeskQuery all() {
        return new DeskQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                EnumSet.of(DeskState.WAITING, DeskState.WITH_AGENT, DeskState.CLOSED));
    }

    public DeskQuery campaign(CampaignId campaign) {
        return new DeskQuery(Optional.of(campaign), queue, agentId, phone, states);
    }

    public DeskQuery queue(String name) {
        return new DeskQuery(campaignId, Optional.of(name), agentId, phone, states);
    }

    public DeskQuery agent(String agent) {
        return new DeskQuery(campaignId, queue, Optional.of(agent), phone, states);
    }

    public DeskQuery phone(PhoneNumber contact) {
        return new DeskQuery(campaignId, queue, agentId, Optional.of(contact), states);
    }

    /** Whether {@code conversation} matches (stores may use it; the JDBC store says it in SQL). */
    public boolean matches(io.campaignkit.desk.DeskConversation conversation) {
        return states.contains(conversation.state())
                && campaignId.map(conversation.campaignId()::equals).orElse(true)
                && queue.map(conversation.queue()::equals).orElse(true)
                && agentId.map(conversation::isWithAgent).orElse(true)
                && phone.map(conversation.phone()::equals).orElse(true);
    }
}
