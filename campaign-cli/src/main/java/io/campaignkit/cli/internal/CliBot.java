package io.campaignkit.cli.internal;

import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotReply;
import io.campaignkit.core.port.ConversationContext;
import io.campaignkit.core.port.InboundMessage;
import java.util.Optional;

/**
 * The bot that owns the program's campaigns: it records the funnel step {@value #REPLIED_STEP} for
 * every contact who answers and, when given a text, answers with it once. A real host plugs its own
 * chatbot in here.
 */
final class CliBot implements BotFlow {

    static final String BOT_FLOW_ID = "campaignkit-cli";
    static final String REPLIED_STEP = "REPLY_RECEIVED";

    private final Optional<String> answer;

    CliBot(Optional<String> answer) {
        this.answer = answer;
    }

    @Override
    public void onInboundMessage(ConversationContext context, InboundMessage message, BotReply reply) {
        reply.reportStep(REPLIED_STEP);
        answer.ifPresent(text -> {
            reply.sendText(text);
            reply.close();
        });
    }
}
