package io.campaignkit.cli.internal;

import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.ReceivedMessage;

/**
 * The bot that owns the program's campaigns: it records the funnel step {@value #REPLIED_STEP} for
 * every contact who answers, and says nothing back (a command line has no conversation to hold).
 * A real host plugs its own chatbot in here.
 */
final class CliBot implements BotFlow {

    static final String BOT_FLOW_ID = "campaignkit-cli";
    static final String REPLIED_STEP = "REPLY_RECEIVED";

    @Override
    public void onInboundMessage(ConversationContext context, ReceivedMessage message, BotReply reply) {
        reply.reportStep(REPLIED_STEP);
    }
}
