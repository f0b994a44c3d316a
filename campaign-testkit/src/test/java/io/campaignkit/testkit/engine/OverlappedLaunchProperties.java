package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@code CampaignEngineBuilder.overlapLaunchBatches} changes when a launch's questions are asked, never the
 * answers: for random audiences (duplicates included), batch sizes, opt-outs and contacts held by another
 * campaign on the same sender, a launch with overlap stores the same recipients, in the same order, with
 * the same states and reasons, and engages the same contacts, as one without.
 */
class OverlappedLaunchProperties {

    private static final SenderKey SENDER = new SenderKey(CampaignScenario.CHANNEL_ID, "sender-1");

    @Property(tries = 60)
    void anOverlappedLaunchStoresWhatASequentialOneStores(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 30) Integer> audience,
            @ForAll @IntRange(min = 1, max = 7) int batchSize,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 30) Integer> optedOut,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 30) Integer> heldElsewhere) {
        List<String> sequential = launched(false, audience, batchSize, optedOut, heldElsewhere);
        List<String> overlapped = launched(true, audience, batchSize, optedOut, heldElsewhere);

        assertThat(overlapped).containsExactlyElementsOf(sequential);
    }

    /** Each recipient as sequence, phone, state and reason, then each contact's engagement, in order. */
    private static List<String> launched(
            boolean overlap, List<Integer> audience, int batchSize, List<Integer> optedOut, List<Integer> held) {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(engine -> engine.batchSize(batchSize).overlapLaunchBatches(overlap))
                .build();
        if (!held.isEmpty()) {
            CampaignId other = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
            scenario.launch(
                    other, held.stream().distinct().map(Fixtures::contact).toList());
        }
        optedOut.forEach(i -> scenario.engine().suppress(Fixtures.contact(i).phone(), Optional.empty()));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        List<Contact> contacts = audience.stream().map(Fixtures::contact).toList();
        scenario.launch(id, contacts);

        List<String> stored = new ArrayList<>();
        for (Recipient recipient : scenario.engine().recipients(id, -1, 1000)) {
            stored.add(recipient.sequence() + " " + recipient.phone() + " " + recipient.state() + " "
                    + recipient.outcome().map(outcome -> outcome.code()).orElse("-"));
        }
        for (int i = 0; i <= 30; i++) {
            stored.add(i + " engaged "
                    + scenario.store()
                            .engagedCampaign(SENDER, Fixtures.contact(i).phone()));
        }
        return stored;
    }
}
