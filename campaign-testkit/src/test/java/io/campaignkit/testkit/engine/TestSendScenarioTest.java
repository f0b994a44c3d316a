package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.engine.TestSend;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 2: a test send sends a campaign's current message (even a DRAFT's) now to listed
 * test numbers, through a TEST campaign derived from it, under the launch's rules; the source
 * campaign does not change.
 */
class TestSendScenarioTest {

    private static final SenderKey SENDER = new SenderKey("simulated", "s");

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    private final EngineProcess process = new EngineProcess("p", store, channel, clock, directory, new RecordingBot());

    @Test
    void aDraftsCurrentMessageGoesNowToTheTestNumbersAndTheDraftIsUnchanged() {
        directory.add(Fixtures.contact(1), Fixtures.contact(2));
        CampaignId id = draftWithoutAudience();
        process.engine.edit(
                id, c -> c.activeHours(io.campaignkit.core.hours.ActiveHours.ofDefaults())); // closed at night
        Campaign before = store.find(id).orElseThrow();

        TestSend test = process.engine.sendTest(id, List.of(phone(1), phone(2)));
        EngineProcess.runUntil(process.engine, channel, clock, clock.instant().plusSeconds(5));

        assertThat(channel.sendsTo(Fixtures.phone(1))).hasSize(1);
        assertThat(channel.sendsTo(Fixtures.phone(2))).hasSize(1);
        assertThat(test.notSent()).isEmpty();
        assertThat(test.testCampaign().kind()).isEqualTo(CampaignKind.TEST);
        assertThat(test.testCampaign().configuration().message())
                .isEqualTo(before.configuration().message());
        assertThat(store.find(id)).contains(before);
        assertThat(before.state()).isEqualTo(CampaignState.DRAFT);
    }

    @Test
    void aTestNumberEngagedInAnotherActiveCampaignIsNotSentAndReportedWithTheReason() {
        directory.add(Fixtures.contact(1), Fixtures.contact(2));
        Campaign live = process.create("live", c -> {});
        process.engine.launch(live.id(), LaunchRequest.importedContacts(List.of(Fixtures.contact(2))));
        CampaignId id = draftWithoutAudience();

        TestSend test = process.engine.sendTest(id, List.of(phone(1), phone(2)));
        EngineProcess.runUntil(process.engine, channel, clock, clock.instant().plusSeconds(5));

        assertThat(test.notSent()).singleElement().satisfies(notSent -> {
            assertThat(notSent.phone()).isEqualTo(phone(2));
            assertThat(notSent.reason().code()).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(notSent.reason().message()).contains("live");
        });
        assertThat(channel.sendsTo(Fixtures.phone(1))).hasSize(1);
        assertThat(channel.sendsTo(Fixtures.phone(2)))
                .as("only the live campaign's message")
                .hasSize(1);
    }

    @Test
    void aNumberOutsideTheContactDirectoryRefusesTheTestAndLeavesNothingBehind() {
        directory.add(Fixtures.contact(1));
        CampaignId id = draftWithoutAudience();

        assertThatThrownBy(() -> process.engine.sendTest(id, List.of(phone(1), phone(9))))
                .isInstanceOfSatisfying(IncompleteAudienceException.class, e -> {
                    assertThat(e.code()).isEqualTo(IncompleteAudienceException.UNKNOWN_TEST_NUMBER);
                    assertThat(e.problems())
                            .extracting(IncompleteAudienceException.Problem::phone)
                            .containsExactly(Fixtures.phone(9));
                });

        assertThat(store.findByProject("t", "p", Optional.empty(), 10))
                .extracting(Campaign::id)
                .containsExactly(id);
        assertThat(store.engagedCampaign(SENDER, phone(1))).isEmpty();
        assertThat(channel.sends()).isEmpty();
    }

    @Test
    void aMessageThatCannotBeSentRefusesTheTestWithTheProblems() {
        directory.add(Fixtures.contact(1));
        CampaignConfiguration.Builder config = CampaignConfiguration.custom()
                .channel("simulated", "s")
                .name("no message")
                .botFlowId(Fixtures.BOT)
                .activeHours(Fixtures.ALWAYS);
        CampaignId id = process.engine
                .create(CampaignId.of("empty"), "t", "p", CampaignKind.LIVE, config.build())
                .id();

        assertThatThrownBy(() -> process.engine.sendTest(id, List.of(phone(1))))
                .isInstanceOf(CampaignValidationException.class)
                .hasMessageContaining("message");
        assertThat(store.findByProject("t", "p", Optional.empty(), 10))
                .extracting(Campaign::id)
                .containsExactly(id);
    }

    @Test
    void theTestCampaignFinishesOnItsOwnAndReleasesTheTestNumbers() {
        directory.add(Fixtures.contact(1));
        CampaignId id = draftWithoutAudience();
        TestSend test = process.engine.sendTest(id, List.of(phone(1)));
        assertThat(store.engagedCampaign(SENDER, phone(1)))
                .contains(test.testCampaign().id());

        EngineProcess.runUntil(
                process.engine,
                channel,
                clock,
                clock.instant().plus(TestSend.LIFETIME).plusSeconds(1));

        assertThat(store.find(test.testCampaign().id()).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
        assertThat(store.engagedCampaign(SENDER, phone(1))).isEmpty();
        assertThat(process.engine.sendTest(id, List.of(phone(1))).notSent())
                .as("a second test goes through")
                .isEmpty();
    }

    /** A DRAFT: complete but for its audience. */
    private CampaignId draftWithoutAudience() {
        CampaignConfiguration.Builder config = CampaignConfiguration.custom()
                .channel("simulated", "s")
                .name("Cobranza")
                .botFlowId(Fixtures.BOT)
                .message(Fixtures.HELLO)
                .activeHours(Fixtures.ALWAYS);
        Campaign draft = process.engine.create(
                CampaignId.of("draft-"
                        + store.findByProject("t", "p", Optional.empty(), 100).size()),
                "t",
                "p",
                CampaignKind.LIVE,
                config.build());
        assertThat(draft.state()).isEqualTo(CampaignState.DRAFT);
        return draft.id();
    }

    private static PhoneNumber phone(int i) {
        return Fixtures.contact(i).phone();
    }
}
