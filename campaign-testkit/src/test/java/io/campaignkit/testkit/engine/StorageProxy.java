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
        Object proxy = Proxy.newProxyInstance(StorageProxy.class.getClassLoader(), new Class<?>[] {CampaignStore.class,
                RecipientStore.class, ConversationStore.class, InboundQueue.class, EngagementStore.class,
                SuppressionList.class, TrackingStore.class}, handler);
        return new CampaignStorage((CampaignStore) proxy, (RecipientStore) proxy, (ConversationStore) proxy,
                (InboundQueue) proxy, (EngagementStore) proxy, (SuppressionList) proxy, (TrackingStore) proxy,
                io.campaignkit.core.dispatch.pacing.PacingStore.inProcess());
    }
}
