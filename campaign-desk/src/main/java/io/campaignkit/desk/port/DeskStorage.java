package io.campaignkit.desk.port;

import io.campaignkit.desk.internal.Checks;

/**
 * The desk's three ports, handed to {@link io.campaignkit.desk.ConversationDesk#builder()} as one value.
 *
 * @param conversations the desk's conversations
 * @param agents its agents
 * @param transcripts its transcripts
 */
public record DeskStorage(DeskConversationStore conversations, AgentStore agents, TranscriptStore transcripts) {

    public DeskStorage {
        Checks.nonNull(conversations, "conversations");
        Checks.nonNull(agents, "agents");
        Checks.nonNull(transcripts, "transcripts");
    }
}
