package io.campaignkit.desk;

/** An agent's status, set by the host. Only ONLINE agents are assigned conversations. */
public enum AgentStatus {
    ONLINE,
    AWAY,
    OFFLINE,
    LOGGED_OUT;

    /** Whether an agent in this status has left (its exclusive conversations may be reassigned). */
    public boolean isGone() {
        return this == OFFLINE || this == LOGGED_OUT;
    }
}
