package io.campaignkit.benchmarks.support;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The campaign every dispatch benchmark sends: the highest pace a campaign may have (1,000/s with a
 * burst of 1,000), always open, a one-parameter template, to {@link GeneratedContacts}; launched and
 * run to the end on a manual clock that jumps at least a second after each run of the engine.
 */
public final class BenchmarkCampaign {

    /** The benchmark campaign's id. */
    public static final CampaignId ID = CampaignId.of("benchmark");

    private BenchmarkCampaign() {}

    /** The campaign's configuration, on {@link InstantChannel}, naming {@link SilentBot}. */
    public static CampaignConfiguration configuration() {
        return CampaignConfiguration.custom()
                .name("benchmark")
                .botFlowId(SilentBot.ID)
                .channel(InstantChannel.ID, "sender")
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("benchmark"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .deliveryPlan(DeliveryPlan.custom()
                        .pace(Pace.perSecond(Pace.MAX_PER_SECOND).withBurst(Pace.MAX_PER_SECOND))
                        .build())
                .build();
    }

    /** Creates the campaign and launches it to {@code recipients} generated contacts. */
    public static void launch(CampaignEngine engine, int recipients) {
        engine.create(ID, "tenant", "project", CampaignKind.LIVE, configuration());
        engine.launch(ID, LaunchRequest.importedContacts(() -> GeneratedContacts.contacts(recipients)));
    }

    /** Runs the engine until it has nothing more to do, moving the clock at least a second each time. */
    public static void runToTheEnd(CampaignEngine engine, ManualClock clock) {
        while (true) {
            Optional<Instant> next = engine.runDue();
            if (next.isEmpty()) {
                return;
            }
            Instant oneSecondLater = clock.instant().plusSeconds(1);
            clock.advanceTo(next.get().isAfter(oneSecondLater) ? next.get() : oneSecondLater);
        }
    }

    /** Fails the invocation unless every recipient was sent to, by the channel's count and the engine's. */
    public static void checkEveryoneSent(CampaignEngine engine, InstantChannel channel, int recipients) {
        CampaignMetrics metrics = engine.metrics(ID);
        if (metrics.sent() != recipients || channel.sent() != recipients) {
            throw new IllegalStateException("not every recipient was sent to: " + metrics);
        }
    }
}
