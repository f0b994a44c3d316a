package io.campaignkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.dispatch.pacing.PacingStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a store vendor implements stays small: the storage ports together declare at most 35 abstract
 * methods (issue 13), and {@link CampaignStorage#ABSTRACT_METHODS} says how many, as ARCHITECTURE.md does.
 */
class StoragePortSizeTest {

    private static final List<Class<?>> PORTS = List.of(
            CampaignStore.class,
            RecipientStore.class,
            ConversationStore.class,
            InboundQueue.class,
            EngagementStore.class,
            SuppressionList.class,
            TrackingStore.class,
            PacingStore.class);

    @Test
    void thePortsDeclareAtMost35AbstractMethodsAndTheConstantSaysHowMany() {
        List<String> abstractMethods = new ArrayList<>();
        for (Class<?> port : PORTS) {
            for (Method method : port.getDeclaredMethods()) {
                if (Modifier.isAbstract(method.getModifiers())) {
                    abstractMethods.add(port.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(abstractMethods).hasSize(CampaignStorage.ABSTRACT_METHODS);
        assertThat(abstractMethods.size())
                .as(String.join(", ", abstractMethods))
                .isLessThanOrEqualTo(35);
    }

    @Test
    void theBundleHoldsEveryPort() {
        List<Class<?>> components = new ArrayList<>();
        for (var component : CampaignStorage.class.getRecordComponents()) {
            components.add(component.getType());
        }
        assertThat(components).containsExactlyInAnyOrderElementsOf(PORTS);
    }
}
