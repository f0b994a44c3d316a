package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.FinishCleanUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fallback's input says why a message is unrouted; handlers written before it keep working. */
class UnroutedMessageHandlerTest {

    private static final InboundMessage MESSAGE = InboundMessage.builder(
                    "in-1", "+525510000000", "s", Instant.parse("2026-01-05T20:00:00Z"))
            .text("hola")
            .build();

    @Test
    void aHandlerOfChannelAndMessageStillGetsEveryMessage() {
        List<String> got = new ArrayList<>();
        UnroutedMessageHandler legacy = (channelId, message) -> got.add(channelId + " " + message.providerMessageId());

        legacy.onUnroutedMessage(new UnroutedMessage(
                "simulated", MESSAGE, UnroutedMessage.Reason.CAMPAIGN_FINISHED, Optional.of(CampaignId.of("c"))));

        assertThat(got).containsExactly("simulated in-1");
    }

    @Test
    void aHandlerWithReasonsGetsTheReasonAndTheCampaign() {
        List<UnroutedMessage> got = new ArrayList<>();
        UnroutedMessageHandler handler = UnroutedMessageHandler.withReasons(got::add);
        UnroutedMessage finished = new UnroutedMessage(
                "simulated", MESSAGE, UnroutedMessage.Reason.CAMPAIGN_FINISHED, Optional.of(CampaignId.of("c")));

        handler.onUnroutedMessage(finished);
        handler.onUnroutedMessage("simulated", MESSAGE);

        assertThat(got)
                .containsExactly(
                        finished,
                        new UnroutedMessage(
                                "simulated", MESSAGE, UnroutedMessage.Reason.NO_ACTIVE_CAMPAIGN, Optional.empty()));
    }

    @Test
    void aCampaignIsNamedExactlyWhenTheCampaignFinishedFirst() {
        assertThatThrownBy(() -> new UnroutedMessage(
                        "simulated", MESSAGE, UnroutedMessage.Reason.CAMPAIGN_FINISHED, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("campaignId"));
        assertThatThrownBy(() -> new UnroutedMessage(
                        "simulated", MESSAGE, UnroutedMessage.Reason.NOT_A_PHONE, Optional.of(CampaignId.of("c"))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(
                        () -> new UnroutedMessage(" ", MESSAGE, UnroutedMessage.Reason.NOT_A_PHONE, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("channelId"));
        assertThatThrownBy(() -> UnroutedMessageHandler.withReasons(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("handler"));
    }

    @Test
    void aCleanUpReportRefusesNegativeCounts() {
        assertThatThrownBy(() ->
                        new FinishCleanUp(CampaignId.of("c"), FinishReason.BY_USER, 0, -1, 0, 0, false, Instant.EPOCH))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("conversationsClosed"));
    }
}
