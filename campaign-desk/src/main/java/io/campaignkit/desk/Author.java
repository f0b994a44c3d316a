package io.campaignkit.desk;

/** Who wrote a transcript entry. */
public enum Author {
    CONTACT,
    BOT,
    AGENT,
    SYSTEM
}
