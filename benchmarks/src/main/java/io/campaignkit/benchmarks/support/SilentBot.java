package io.campaignkit.benchmarks.support;

import io.campaignkit.core.port.BotFlowRegistry;
import java.util.Map;

/** The bot flow the benchmark campaigns name ({@value #ID}): it answers nothing, as no one replies. */
public final class SilentBot {

    /** The bot flow id of every benchmark campaign. */
    public static final String ID = "bot";

    /** A registry with the silent bot; a launch refuses a campaign whose bot flow the engine does not know. */
    public static final BotFlowRegistry REGISTRY = BotFlowRegistry.of(Map.of(ID, (context, message, reply) -> {}));

    private SilentBot() {}
}
