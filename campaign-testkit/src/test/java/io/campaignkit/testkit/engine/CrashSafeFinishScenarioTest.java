package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FinishCleanUp;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, gap 2: finishing stores FINISHING first (nothing is sent from then on) and cleans up after;
 * a clean-up interrupted by a crash is completed by the next run of any engine, or by finishing again,
 * and every part of it (skips, closings, releases, their events) happens once.
 */
class CrashSafeFinishScenarioTest {

    private static final int AUDIENCE = 10;
    private static final SenderKey SENDER = new SenderKey("simulated", "s");

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    private final RecordingBot bot = new RecordingBot();
    private final EngineProcess finishing = new EngineProcess("finishing", store, channel, clock, directory, bot);
    private final EngineProcess survivor = new EngineProcess("survivor", store, channel, clock, directory, bot);
    private int inboundCounter;

    /** A campaign sending one message a second, three sent, contact 0 in a conversation with the bot. */
    private CampaignId halfSentWithAConversation() {
        CampaignId id = finishing
                .create(
                        "c",
                        c -> c.deliveryPlan(io.campaignkit.core.campaign.DeliveryPlan.custom()
                                .pace(Pace.perSecond(1))
                                .build()))
                .id();
        finishing.engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, AUDIENCE)));
        EngineProcess.runUntil(finishing.engine, channel, clock, clock.instant().plusMillis(2500));
        inbound(finishing, 0, "hola");
        assertThat(channel.sends()).hasSize(3);
        assertThat(bot.received()).hasSize(1);
        return id;
    }

    private void inbound(EngineProcess process, int contact, String text) {
        process.engine.applyEvents(
                "simulated",
                List.of(InboundMessage.builder(
                                "in-" + (++inboundCounter), Fixtures.phone(contact), "s", clock.instant())
                        .text(text)
                        .build()));
    }

    @Test
    void aFinishInterruptedByACrashIsCompletedByTheNextRunOfAnotherEngine() {
        CampaignId id = halfSentWithAConversation();
        Instant finishedAt = clock.instant();
        finishing.store.crashAt("closeConversations", 1);

        assertThatThrownBy(() -> finishing.engine.finish(id)).isInstanceOf(CrashingStore.Crash.class);

        Campaign stopped = store.find(id).orElseThrow();
        assertThat(stopped.state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(stopped.dispatch()).contains(new DispatchState.Finishing(FinishReason.BY_USER, finishedAt));
        assertThat(store.findOpenConversation(id, Fixtures.contact(0).phone()))
                .as("left open by the crash")
                .isPresent();
        inbound(survivor, 0, "¿sigue?");
        assertThat(bot.received())
                .as("a finishing campaign's bot gets nothing more")
                .hasSize(1);
        assertThat(survivor.unrouted).singleElement().satisfies(message -> {
            assertThat(message.reason()).isEqualTo(UnroutedMessage.Reason.CAMPAIGN_FINISHED);
            assertThat(message.campaignId()).contains(id);
        });

        clock.advance(Duration.ofSeconds(5));
        survivor.engine.runDue();

        Campaign finished = store.find(id).orElseThrow();
        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(finished.finishReason()).contains(FinishReason.BY_USER);
        assertThat(finished.finishedAt()).contains(finishedAt);
        assertThat(bot.closed())
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(Conversation.CAMPAIGN_FINISHED));
        for (Contact contact : Fixtures.contacts(0, AUDIENCE)) {
            assertThat(store.engagedCampaign(SENDER, contact.phone()))
                    .as("%s released", contact.phone())
                    .isEmpty();
        }
        assertThat(store.counts(id).count(DeliveryState.SKIPPED)).isEqualTo(AUDIENCE - 3);
        assertThat(Stream.concat(
                                finishing.listener.recipientEvents(id).stream(),
                                survivor.listener.recipientEvents(id).stream())
                        .filter(e -> e.type() == RecipientEvent.Type.SKIPPED))
                .as("one SKIPPED event per skipped recipient")
                .hasSize(AUDIENCE - 3)
                .allSatisfy(e -> assertThat(e.code()).contains(SkipReasons.CAMPAIGN_FINISHED));
        assertThat(finishing.cleanUps).isEmpty();
        // at: when the survivor made it FINISHED, not when finishing began (issue 23 item 8)
        assertThat(survivor.cleanUps)
                .singleElement()
                .isEqualTo(new FinishCleanUp(
                        id, FinishReason.BY_USER, 0, 1, 0, AUDIENCE, true, finishedAt.plusSeconds(5)));

        EngineProcess.runUntil(survivor.engine, channel, clock, clock.instant().plusSeconds(30));
        assertThat(channel.sends())
                .as("nothing sent after finishing began")
                .hasSize(3)
                .allSatisfy(send -> assertThat(send.requestedAt()).isBefore(finishedAt));
    }

    @Test
    void finishingAgainCompletesAnInterruptedCleanUpAndFinishedStaysFinal() {
        CampaignId id = halfSentWithAConversation();
        finishing.store.crashAt("releaseEngagements", 1);
        assertThatThrownBy(() -> finishing.engine.finish(id)).isInstanceOf(CrashingStore.Crash.class);
        assertThat(store.engagedCampaign(SENDER, Fixtures.contact(5).phone()))
                .as("held by the crash")
                .contains(id);

        Campaign finished = survivor.engine.finish(id);

        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(store.engagedCampaign(SENDER, Fixtures.contact(5).phone())).isEmpty();
        assertThat(bot.closed()).as("closed once, by the crashed process").hasSize(1);
        assertThat(survivor.cleanUps).singleElement().satisfies(cleanUp -> {
            assertThat(cleanUp.resumed()).isTrue();
            assertThat(cleanUp.engagementsReleased()).isEqualTo(AUDIENCE);
            assertThat(cleanUp.recipientsSkipped() + cleanUp.conversationsClosed())
                    .isZero();
        });
        assertThatThrownBy(() -> survivor.engine.finish(id))
                .isInstanceOfSatisfying(
                        IllegalCampaignActionException.class,
                        e -> assertThat(e.getMessage()).contains("FINISHED", "already finished"));
    }

    @Test
    void anUninterruptedFinishReportsWhatItCleanedUp() {
        CampaignId id = halfSentWithAConversation();

        Campaign finished = finishing.engine.finish(id);

        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(finishing.cleanUps)
                .singleElement()
                .isEqualTo(new FinishCleanUp(
                        id,
                        FinishReason.BY_USER,
                        AUDIENCE - 3,
                        1,
                        0,
                        AUDIENCE,
                        false,
                        finished.finishedAt().orElseThrow()));
        assertThat(finishing.listener.lifecycleEvents(id))
                .extracting(e -> e.dispatch().map(DispatchState::label).orElse(e.to().name()))
                .endsWith("FINISHING(BY_USER)", "FINISHED");
    }
}
