/**
 * The conversation desk: the bot hands a conversation to a queue of agents, the desk assigns, transfers
 * and closes it under the campaign's rules. The host owns the agents' user interface; this module owns
 * the rules. {@code io.campaignkit.desk.internal} is not exported.
 */
module io.campaignkit.desk {
    requires static org.jspecify;
    requires transitive io.campaignkit.core;

    exports io.campaignkit.desk;
    exports io.campaignkit.desk.port;
}
