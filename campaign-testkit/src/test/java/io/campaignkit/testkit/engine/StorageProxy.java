package io.campaignkit.testkit.engine;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/** Every port of a store but pacing behind one invocation handler, as a storage for an engine under test. */
final class StorageProxy {

    private StorageProxy() {}

    static CampaignStorage of(InvocationHandler handler) {
        Object proxy = Proxy.newProxyInstance(
                StorageProxy.class.getClassLoader(),
                new Class<?>[] {
                    CampaignStore.class,
                    RecipientStore.class,
                    ConversationStore.class,
                    InboundQueue.class,
                    EngagementStore.class,
                    SuppressionList.class,
                    TrackingStore.class
                },
                handler);
        return new CampaignStorage(
                (CampaignStore) proxy,
                (RecipientStore) proxy,
                (ConversationStore) proxy,
                (InboundQueue) proxy,
                (EngagementStore) proxy,
                (SuppressionList) proxy,
                (TrackingStore) proxy,
                io.campaignkit.core.dispatch.pacing.PacingStore.inProcess());
    }

    /**
     * {@code working}'s ports (its pacing as it is) with every call for which {@code fails} says so
     * failing as a database does ({@code STORE_FAILURE}, {@code why}) without reaching the store.
     */
    static CampaignStorage failingWhen(
            CampaignStorage working, java.util.function.Predicate<java.lang.reflect.Method> fails, String why) {
        java.util.List<Object> ports = java.util.List.of(
                working.campaigns(),
                working.recipients(),
                working.conversations(),
                working.inbound(),
                working.engagements(),
                working.suppressions(),
                working.tracking());
        CampaignStorage proxy = of((self, called, args) -> {
            if (fails.test(called)) {
                throw new io.campaignkit.core.CampaignKitException(CampaignStorage.STORE_FAILURE, why);
            }
            Object target = ports.stream()
                    .filter(port -> called.getDeclaringClass().isInstance(port))
                    .findFirst()
                    .orElseThrow();
            try {
                return called.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException failure) {
                throw failure.getCause();
            }
        });
        return new CampaignStorage(
                proxy.campaigns(),
                proxy.recipients(),
                proxy.conversations(),
                proxy.inbound(),
                proxy.engagements(),
                proxy.suppressions(),
                proxy.tracking(),
                working.pacing());
    }
}
