package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Capabilities 8 and 9: live metrics and rates; lifecycle and per-recipient events to the listener. */
class MetricsAndEventsScenarioTest {

    @Test
    void metricsAreLiveAndTheRatesAreOfSentAndDelivered() {
        CampaignScenario scenario = CampaignScenario.custom()
                .bot(Fixtures.BOT, new RecordingBot())
                .defaultOutcome(Outcome.accepted())
                .build();
        scenario.channel().scriptNumber(Fixtures.phone(9), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        TemplateMessage needsName =
                TemplateMessage.of(ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName());
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.message(needsName)));
        List<Contact> contacts = new ArrayList<>(Fixtures.contacts(0, 10));
        contacts.add(Contact.of(PhoneNumber.parse(Fixtures.phone(10)))); // no name: skipped

        scenario.launch(id, contacts);
        assertThat(scenario.metrics(id).pending()).isEqualTo(10);
        scenario.runFor(Duration.ofSeconds(2));
        for (var send : scenario.channel().sends()) {
            String recipient = send.message().recipient();
            int index = Integer.parseInt(recipient.substring(recipient.length() - 1));
            send.providerMessageId().ifPresent(messageId -> {
                if (index < 8) {
                    scenario.deliver(StatusUpdate.of(
                            messageId,
                            Optional.empty(),
                            DeliveryStatus.DELIVERED,
                            scenario.clock().instant()));
                }
                if (index < 4) {
                    scenario.deliver(StatusUpdate.of(
                            messageId,
                            Optional.empty(),
                            DeliveryStatus.READ,
                            scenario.clock().instant()));
                }
            });
        }
        scenario.inbound(Fixtures.phone(0), "SI");
        scenario.inbound(Fixtures.phone(1), "NO");

        CampaignMetrics metrics = scenario.metrics(id);
        assertThat(metrics.audience()).isEqualTo(11);
        assertThat(metrics.pending()).isZero();
        assertThat(metrics.sent()).isEqualTo(9);
        assertThat(metrics.delivered()).isEqualTo(8);
        assertThat(metrics.read()).isEqualTo(4);
        assertThat(metrics.replied()).isEqualTo(2);
        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(metrics.skippedByReason())
                .containsExactlyEntriesOf(java.util.Map.of(SkipReasons.UNRESOLVED_BINDING, 1L));
        assertThat(metrics.receivedRate()).isEqualTo(8.0 / 9);
        assertThat(metrics.readRate()).isEqualTo(4.0 / 8);
        assertThat(metrics.repliedRate()).isEqualTo(2.0 / 8);
    }

    @Test
    void theListenerHearsLifecycleChangesAndEveryRecipientOutcome() {
        CampaignScenario scenario =
                CampaignScenario.custom().bot(Fixtures.BOT, new RecordingBot()).build();
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.engine().finish(id);

        assertThat(scenario.listener().lifecycleEvents(id))
                .extracting(CampaignLifecycleEvent::action)
                .containsExactly(
                        CampaignAction.CREATE,
                        CampaignAction.LAUNCH,
                        CampaignAction.COMPLETE_PREPARATION,
                        CampaignAction.COMPLETE_SENDING,
                        CampaignAction.START_FINISHING,
                        CampaignAction.FINISH);
        assertThat(scenario.listener().lifecycleEvents(id))
                .extracting(CampaignLifecycleEvent::dispatch)
                .extracting(d ->
                        d.map(io.campaignkit.core.campaign.DispatchState::label).orElse("-"))
                .containsExactly("-", "PREPARING", "SENDING", "DONE", "FINISHING(BY_USER)", "-");
        assertThat(scenario.listener().recipientEvents(id))
                .extracting(RecipientEvent::type)
                .containsExactlyInAnyOrder(
                        RecipientEvent.Type.SENT,
                        RecipientEvent.Type.SENT,
                        RecipientEvent.Type.DELIVERED,
                        RecipientEvent.Type.DELIVERED);
    }
}
