package io.campaignkit.desk;

/** Where a conversation is on the desk: BOT → WAITING → WITH_AGENT → CLOSED (WITH_AGENT may go back to WAITING). */
public enum DeskState {
    /** The bot has it (the desk keeps no row for it yet). */
    BOT,
    /** Handed off, in the queue until an agent is free. */
    WAITING,
    /** An agent has it. */
    WITH_AGENT,
    /** Closed, with its disposition. */
    CLOSED
}
