package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link BotFlow} a campaign names by its bot flow id. Hosts implement it over their
 * own bot platform, or build a fixed one with {@link #of(Map)}.
 */
@FunctionalInterface
public interface BotFlowRegistry {

    /** The bot flow with {@code botFlowId}, if the host has one. */
    Optional<BotFlow> find(String botFlowId);

    /** A registry of the given flows by id. */
    static BotFlowRegistry of(Map<String, BotFlow> flows) {
        Map<String, BotFlow> copy = Map.copyOf(new HashMap<>(Arguments.requireNoNullEntries(flows, "flows")));
        return botFlowId -> Optional.ofNullable(copy.get(Arguments.requireNonNull(botFlowId, "botFlowId")));
    }
}
