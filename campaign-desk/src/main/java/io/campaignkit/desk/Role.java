package io.campaignkit.desk;

/** What an actor may do: an administrator everything, a supervisor also mass transfers, an agent its own conversations. */
public enum Role {
    ADMINISTRATOR,
    SUPERVISOR,
    AGENT
}
