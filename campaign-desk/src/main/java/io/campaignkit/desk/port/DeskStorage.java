package io.campaignkit.desk.port;

import io.campaignkit.desk.internal.Checks;

/**
 * The desk's four ports, handed to {@link io.campaignkit.desk.ConversationDesk#builder()} as one value. The
 * conversations and the agents are kept by one store: it saves an assignment's conversation and agent as one
 * write ({@link DeskConversationStore#saveTogether}).
 *
 * @param conversations the desk's conversations
 * @param agents its agents
 * @param transcripts its transcripts
 * @param settings its campaigns' settings
 */
public record DeskStorage(
        DeskConversationStore conversations,
        AgentStore agents,
        TranscriptStore transcripts,
        DeskSettingsStore settings) {

    public DeskStorage {
        Checks.nonNull(conversations, "conversations");
        Checks.nonNull(agents, "agents");
        Checks.nonNull(transcripts, "transcripts");
        Checks.nonNull(settings, "settings");
    }
}
