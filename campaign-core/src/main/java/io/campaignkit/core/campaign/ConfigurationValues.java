package io.campaignkit.core.campaign;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a {@link CampaignConfiguration} as one value: what makes two configurations equal, their
 * hash and their text, and the channel list derived from the first binding's fields and the others. A
 * field not set yet is {@code null} here; {@link CampaignConfiguration} answers it as an empty optional.
 */
record ConfigurationValues(
        @Nullable String name,
        @Nullable String botFlowId,
        @Nullable SenderKey channel,
        @Nullable TemplateMessage message,
        @Nullable ContactCondition channelCondition,
        List<ChannelBinding> fallbackChannels,
        @Nullable Duration fallbackAfter,
        @Nullable AudienceReference audience,
        CustomDataSchema schema,
        ActiveHours activeHours,
        DeliveryPlan deliveryPlan,
        OutOfHoursPolicy outOfHoursPolicy,
        @Nullable LocalHours localHours,
        Duration busyContactWait) {

    ConfigurationValues {
        fallbackChannels = List.copyOf(fallbackChannels);
    }

    /**
     * Every binding, the first ({@code channel}, {@code message}, {@code channelCondition}) included; empty
     * while the first channel or its message is not set.
     */
    List<ChannelBinding> channels() {
        if (channel == null || message == null) {
            return List.of();
        }
        List<ChannelBinding> all = new ArrayList<>(1 + fallbackChannels.size());
        all.add(new ChannelBinding(channel, message, Optional.ofNullable(channelCondition)));
        all.addAll(fallbackChannels);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "CampaignConfiguration[name=" + name + ", botFlowId=" + botFlowId + ", channel=" + channel
                + ", message=" + message
                + (channelCondition == null ? "" : ", channelCondition=" + channelCondition.toText())
                + (fallbackChannels.isEmpty() ? "" : ", fallbackChannels=" + fallbackChannels)
                + (fallbackAfter == null ? "" : ", fallbackAfter=" + fallbackAfter) + ", audience=" + audience
                + ", schema=" + schema
                + ", activeHours=" + activeHours.toText() + " " + activeHours.zone() + ", deliveryPlan=" + deliveryPlan
                + ", outOfHoursPolicy=" + outOfHoursPolicy
                + (localHours == null ? "" : ", localHours=" + localHours.toText())
                + ", busyContactWait=" + busyContactWait + "]";
    }
}
