package io.campaignkit.testkit.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Recipients by the provider's message id, across campaigns, so status events find theirs in O(1). */
final class ProviderIdIndex {

    private final Map<String, RecipientEntry> byId = new ConcurrentHashMap<>();

    void put(String providerMessageId, RecipientEntry entry) {
        byId.putIfAbsent(providerMessageId, entry);
    }

    @Nullable
    RecipientEntry get(String providerMessageId) {
        return byId.get(providerMessageId);
    }

    void remove(String providerMessageId, RecipientEntry expected) {
        byId.remove(providerMessageId, expected);
    }
}
