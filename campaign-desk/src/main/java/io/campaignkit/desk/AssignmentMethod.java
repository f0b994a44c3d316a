package io.campaignkit.desk;

/** How a campaign's waiting conversations are given to agents. */
public enum AssignmentMethod {
    /** Rotate among the ONLINE agents of the queue that have room: the one assigned longest ago first. */
    ROUND_ROBIN,
    /** The contact's previous agent if ONLINE with room, else the least-loaded agent with room, ties to the longest idle. */
    SMART
}
