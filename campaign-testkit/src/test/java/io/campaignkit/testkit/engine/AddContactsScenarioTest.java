package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.AddedContacts;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 3: contacts appended to an ACTIVE campaign (a new import) under the launch's rules,
 * counted at once and picked up by its sending.
 */
class AddContactsScenarioTest {

    private final CampaignScenario scenario =
            Fixtures.scenario().defaultOutcome(Outcome.accepted()).build();

    @Test
    void contactsAddedToACampaignDoneSendingAreCountedAtOnceAndSent() {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(1, 2));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.campaign(id).dispatch()).containsInstanceOf(DispatchState.Done.class);

        AddedContacts added = scenario.engine().addContacts(id, Fixtures.contacts(3, 2));

        assertThat(added.pending()).isEqualTo(2);
        assertThat(added.campaign().dispatch()).containsInstanceOf(DispatchState.Sending.class);
        assertThat(scenario.metrics(id).audience()).isEqualTo(4);
        assertThat(scenario.metrics(id).pending()).isEqualTo(2);
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(3))).hasSize(1);
        assertThat(scenario.channel().sendsTo(Fixtures.phone(4))).hasSize(1);
        assertThat(scenario.metrics(id).sent()).isEqualTo(4);
        assertThat(scenario.campaign(id).dispatch()).containsInstanceOf(DispatchState.Done.class);
    }

    @Test
    void addedContactsFollowTheLaunchsExclusivityAndSuppressionRulesAndAreNotAddedTwice() {
        CampaignId other = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(other, List.of(Fixtures.contact(5)));
        scenario.engine().suppress(PhoneNumber.parse(Fixtures.phone(6)), Optional.empty());
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(1, 2));

        AddedContacts added = scenario.engine()
                .addContacts(
                        id,
                        List.of(
                                Fixtures.contact(2),
                                Fixtures.contact(3),
                                Fixtures.contact(3),
                                Fixtures.contact(5),
                                Fixtures.contact(6)));

        assertThat(added.pending()).isEqualTo(1);
        assertThat(added.skippedByReason())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN, 1L, SkipReasons.OPTED_OUT, 1L));
        assertThat(added.alreadyIn())
                .as("contact 2 was in, contact 3 given twice")
                .isEqualTo(2);
        assertThat(scenario.recipient(id, Fixtures.phone(5))
                        .outcome()
                        .orElseThrow()
                        .message())
                .contains(other.value());
        assertThat(scenario.metrics(id).skippedByReason()).containsEntry(SkipReasons.OPTED_OUT, 1L);
        assertThat(scenario.store()
                        .engagedCampaign(
                                new io.campaignkit.core.campaign.SenderKey(
                                        CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                PhoneNumber.parse(Fixtures.phone(3))))
                .contains(id);
    }

    @Test
    void contactsLackingRequiredDataAreNamedAndNothingIsAdded() {
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.schema(Fixtures.amountSchema())));
        scenario.launch(id, List.of(Fixtures.withAmount(Fixtures.contact(1), "100")));
        Contact complete = Fixtures.withAmount(Fixtures.contact(2), "200");

        assertThatThrownBy(() ->
                        scenario.engine().addContacts(id, List.of(complete, Fixtures.contact(3), Fixtures.contact(4))))
                .isInstanceOfSatisfying(IncompleteAudienceException.class, e -> {
                    assertThat(e.code()).isEqualTo(IncompleteAudienceException.INCOMPLETE_CUSTOM_DATA);
                    assertThat(e.problemCount()).isEqualTo(2);
                    assertThat(e.problems())
                            .extracting(IncompleteAudienceException.Problem::phone)
                            .containsExactly(Fixtures.phone(3), Fixtures.phone(4));
                    assertThat(e.problems().get(0).message()).contains("MONTO");
                    assertThat(e.getMessage()).contains(id.value() + " took none of the contacts");
                });

        assertThat(scenario.metrics(id).audience()).as("nothing partial").isEqualTo(1);
        assertThat(scenario.engine().recipients(id, -1, 10))
                .extracting(r -> r.phone().e164())
                .containsExactly(Fixtures.phone(1));
    }

    @Test
    void onlyAnActiveCampaignTakesContactsAndTheRefusalSaysWhy() {
        CampaignId ready = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        CampaignId finished = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(finished, Fixtures.contacts(1, 1));
        scenario.engine().finish(finished);

        assertThatThrownBy(() -> scenario.engine().addContacts(ready, Fixtures.contacts(2, 1)))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("READY")
                .hasMessageContaining("active campaign only");
        assertThatThrownBy(() -> scenario.engine().addContacts(finished, Fixtures.contacts(2, 1)))
                .isInstanceOf(IllegalCampaignActionException.class)
                .hasMessageContaining("finished campaign takes no more");
        assertThat(scenario.metrics(ready).audience()).isZero();
        assertThat(scenario.metrics(finished).audience()).isEqualTo(1);
    }

    @Test
    void contactsAddedToAPausedCampaignWaitForItsResume() {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(1, 1));
        scenario.engine().pause(id);

        scenario.engine().addContacts(id, Fixtures.contacts(2, 1));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.recipient(id, Fixtures.phone(2)).state()).isEqualTo(DeliveryState.PENDING);

        scenario.engine().resume(id);
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.recipient(id, Fixtures.phone(2)).state()).isEqualTo(DeliveryState.SENT);
    }
}
