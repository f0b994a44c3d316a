package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.TemplateContent;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Capability 1: launch now or at an instant; recipients, bindings, complete data, segments, TEST campaigns. */
class LaunchScenarioTest {

    private final CampaignScenario scenario =
            CampaignScenario.custom().bot(Fixtures.BOT, new RecordingBot()).build();

    @Test
    void launchNowMakesOneRecipientPerDistinctContactWithBindingsResolvedPerContact() {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        List<Contact> contacts = new ArrayList<>(Fixtures.contacts(0, 3));
        contacts.add(Fixtures.contact(1)); // the same phone twice

        var launched = scenario.launch(id, contacts);

        assertThat(launched.state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(scenario.metrics(id).audience()).isEqualTo(3);
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sends()).hasSize(3);
        TemplateContent content = (TemplateContent)
                scenario.channel().sendsTo(Fixtures.phone(2)).get(0).message().content();
        assertThat(content.bodyParameters()).containsExactly("Contact 2");
    }

    @Test
    void aCampaignNamingABotFlowTheEngineDoesNotKnowIsNotLaunched() {
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.botFlowId("cobranza-v9")));
        var before = scenario.campaign(id);

        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 3)))
                .isInstanceOfSatisfying(CampaignKitException.class, e -> {
                    assertThat(e.code()).isEqualTo(CampaignEngine.UNKNOWN_BOT_FLOW);
                    assertThat(e.getMessage()).contains("cobranza-v9", id.toString());
                });

        assertThat(scenario.campaign(id)).isEqualTo(before);
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
        assertThat(scenario.metrics(id).audience()).isZero();
        assertThat(scenario.store()
                        .engagedCampaign(
                                new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                Fixtures.contact(0).phone()))
                .isEmpty();
        assertThat(scenario.listener().lifecycleEvents(id))
                .extracting(e -> e.action())
                .containsExactly(io.campaignkit.core.campaign.CampaignAction.CREATE);
    }

    @Test
    void launchAtAnInstantWaitsAndThenSends() {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        Instant start = scenario.clock().instant().plus(Duration.ofHours(2));

        var launched = scenario.engine()
                .launch(
                        id,
                        LaunchRequest.importedContacts(Fixtures.contacts(0, 2)).startAt(start));

        assertThat(launched.dispatch()).containsInstanceOf(DispatchState.Waiting.class);
        scenario.runUntil(start.minusSeconds(1));
        assertThat(scenario.channel().sends()).isEmpty();
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sends())
                .hasSize(2)
                .allSatisfy(send -> assertThat(send.requestedAt()).isAfterOrEqualTo(start));
    }

    @Test
    void aContactWhoseBindingFailsIsSkippedWithTheReason() {
        TemplateMessage needsName =
                TemplateMessage.of(ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName());
        CampaignId id =
                scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.message(needsName)));
        Contact nameless = Contact.of(PhoneNumber.parse(Fixtures.phone(9)));

        scenario.launch(id, List.of(Fixtures.contact(1), nameless));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(id, Fixtures.phone(9)).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(scenario.recipient(id, Fixtures.phone(9))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.UNRESOLVED_BINDING);
        assertThat(scenario.channel().sends()).hasSize(1);
        assertThat(scenario.metrics(id).skippedByReason()).containsEntry(SkipReasons.UNRESOLVED_BINDING, 1L);
    }

    @Test
    void oneIncompleteContactRefusesTheLaunchAndTheErrorListsIt() {
        TemplateMessage amount =
                TemplateMessage.of(ChannelTemplate.of("saldo", "es", "Saldo {{1}}"), Binding.customField("MONTO"));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic().andThen(c -> c.schema(Fixtures.amountSchema()).message(amount)));
        List<Contact> contacts = List.of(Fixtures.withAmount(Fixtures.contact(1), "10"), Fixtures.contact(2));

        assertThatThrownBy(() -> scenario.launch(id, contacts))
                .isInstanceOfSatisfying(IncompleteAudienceException.class, e -> {
                    assertThat(e.code()).isEqualTo(IncompleteAudienceException.INCOMPLETE_CUSTOM_DATA);
                    assertThat(e.problems())
                            .extracting(IncompleteAudienceException.Problem::phone)
                            .containsExactly(Fixtures.phone(2));
                });
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
        assertThat(scenario.metrics(id).audience()).isZero();
    }

    @Test
    void withoutRequiredCompleteDataTheIncompleteContactIsSkippedInstead() {
        TemplateMessage amount =
                TemplateMessage.of(ChannelTemplate.of("saldo", "es", "Saldo {{1}}"), Binding.customField("MONTO"));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic().andThen(c -> c.schema(Fixtures.amountSchema()).message(amount)));

        scenario.engine()
                .launch(
                        id,
                        LaunchRequest.importedContacts(
                                        List.of(Fixtures.withAmount(Fixtures.contact(1), "10"), Fixtures.contact(2)))
                                .requireCompleteData(false));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(id, Fixtures.phone(2)).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(scenario.recipient(id, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aSegmentTakesTheDirectoryContactsWithEveryTagAndNeverAnUntaggedOne() {
        scenario.directory()
                .add(
                        Contact.builder(PhoneNumber.parse(Fixtures.phone(1)))
                                .name("A")
                                .tag("vip")
                                .valuedTag("city", "CDMX")
                                .build(),
                        Contact.builder(PhoneNumber.parse(Fixtures.phone(2)))
                                .name("B")
                                .tag("vip")
                                .valuedTag("city", "MTY")
                                .build(),
                        Contact.builder(PhoneNumber.parse(Fixtures.phone(3)))
                                .name("C")
                                .valuedTag("city", "CDMX")
                                .build(),
                        Contact.of(PhoneNumber.parse(Fixtures.phone(4))));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(c -> c.audience(
                                new AudienceReference.Segment(Set.of("vip"), java.util.Map.of("city", "CDMX")))));

        scenario.engine().launch(id, LaunchRequest.fromDirectory());
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.channel().sends())
                .extracting(send -> send.message().recipient())
                .containsExactly(Fixtures.phone(1));
    }

    @Test
    void aTestCampaignSendsOnlyToItsNumbersWhichMustBeInTheDirectory() {
        scenario.directory().add(Fixtures.contact(1), Fixtures.contact(2));
        CampaignId unknown = scenario.createCampaign(
                CampaignKind.TEST,
                Fixtures.basic()
                        .andThen(c -> c.audience(AudienceReference.testNumbers(
                                PhoneNumber.parse(Fixtures.phone(1)), PhoneNumber.parse(Fixtures.phone(7))))));
        assertThatThrownBy(() -> scenario.engine().launch(unknown, LaunchRequest.fromDirectory()))
                .isInstanceOfSatisfying(IncompleteAudienceException.class, e -> {
                    assertThat(e.code()).isEqualTo(IncompleteAudienceException.UNKNOWN_TEST_NUMBER);
                    assertThat(e.getMessage()).contains(Fixtures.phone(7));
                });

        CampaignId known = scenario.createCampaign(
                CampaignKind.TEST,
                Fixtures.basic()
                        .andThen(c -> c.audience(AudienceReference.testNumbers(PhoneNumber.parse(Fixtures.phone(1))))));
        scenario.engine().launch(known, LaunchRequest.fromDirectory());
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.channel().sends())
                .extracting(send -> send.message().recipient())
                .containsExactly(Fixtures.phone(1));
        TemplateContent content =
                (TemplateContent) scenario.channel().sends().get(0).message().content();
        assertThat(content.bodyParameters()).containsExactly("Contact 1"); // the directory's contact
    }
}
