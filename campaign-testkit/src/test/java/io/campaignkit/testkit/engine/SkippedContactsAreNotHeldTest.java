package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A campaign that skips a contact because another campaign holds it does not hold that contact itself,
 * anywhere: a reply from the contact on the skipping campaign's sender is not routed to it (it never
 * messaged the contact), and once the holder finishes, the contact is free for the next campaign.
 */
class SkippedContactsAreNotHeldTest {

    private static final String SENDER_2 = "sender-2";

    private final CampaignScenario scenario = CampaignScenario.custom()
            .bot(Fixtures.BOT, new RecordingBot())
            .engine(engine -> engine.exclusivity(ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT)))
            .build();

    @Test
    void aContactSkippedAsHeldTenantWideIsNotHeldOnTheSkippingCampaignsSender() {
        CampaignId holder = onSender(CampaignScenario.SENDER_ID);
        scenario.launch(holder, Fixtures.contacts(0, 2));
        CampaignId skipping = onSender(SENDER_2);
        scenario.launch(skipping, Fixtures.contacts(1, 3));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.recipient(skipping, Fixtures.phone(1))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);

        assertThat(scenario.engine()
                        .tenant(CampaignScenario.TENANT)
                        .replyCampaign(
                                SenderKey.of(CampaignScenario.CHANNEL_ID, SENDER_2),
                                PhoneNumber.parse(Fixtures.phone(1))))
                .as("the skipping campaign never messaged the contact")
                .isEmpty();
        assertThat(scenario.engine()
                        .tenant(CampaignScenario.TENANT)
                        .replyCampaign(
                                SenderKey.of(CampaignScenario.CHANNEL_ID, SENDER_2),
                                PhoneNumber.parse(Fixtures.phone(2))))
                .contains(skipping);

        scenario.inbound(Fixtures.phone(1), SENDER_2, "hola");
        assertThat(scenario.recipient(skipping, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.SKIPPED);

        scenario.engine().finish(holder);
        scenario.runFor(Duration.ofSeconds(5));
        CampaignId next = onSender(CampaignScenario.SENDER_ID);
        scenario.launch(next, Fixtures.contacts(1, 1));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.recipient(next, Fixtures.phone(1)).state())
                .as("free once its holder finished, although another campaign skipped it")
                .isEqualTo(DeliveryState.DELIVERED);
    }

    private CampaignId onSender(String senderId) {
        return scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, senderId)));
    }
}
