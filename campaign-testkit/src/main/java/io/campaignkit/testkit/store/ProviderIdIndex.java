package io.campaignkit.testkit.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Recipients by the provider's message id, across campaigns, so status events find theirs in O(1). */
final class ProviderIdIndex {

    private final Map<String, MutableRecipient> byId = new ConcurrentHashMap<>();

    void put(String providerMessageId, MutableRecipient recipient) {
        byId.putIfAbsent(providerMessageId, recipient);
    }

    MutableRecipient get(String providerMessageId) {
        return byId.get(providerMessageId);
    }

    void remove(String providerMessageId, MutableRecipient expected) {
        byId.remove(providerMessageId, expected);
    }
}
