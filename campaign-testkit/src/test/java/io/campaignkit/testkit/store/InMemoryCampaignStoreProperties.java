package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the in-memory store over random interleavings. */
class InMemoryCampaignStoreProperties {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final StatusReason REJECTED = StatusReason.of("RECIPIENT_PERMANENT", "undeliverable", true);

    /** One status report: the state it reaches, seconds after T0. */
    record Report(DeliveryState state, int second) {
        RecipientUpdate.StatusReached toUpdate(RecipientKey key) {
            return new RecipientUpdate.StatusReached(
                    key,
                    state,
                    state == DeliveryState.FAILED ? Optional.of(REJECTED) : Optional.empty(),
                    T0.plusSeconds(second));
        }
    }

    @Provide
    Arbitrary<List<Report>> reports() {
        Arbitrary<Report> report = Combinators.combine(
                        // the provider's reports; a reply (REPLIED) is the contact's and applies to the state the
                        // recipient is in when it comes, so its order matters (RecipientRulesTest.Replies)
                        Arbitraries.of(
                                DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ, DeliveryState.FAILED),
                        Arbitraries.integers().between(2, 100))
                .as(Report::new);
        return report.list().ofMinSize(1).ofMaxSize(8);
    }

    /**
     * Late, duplicated and reordered reports: whatever the order in which a recipient's reports
     * arrive, and however often each arrives, it ends in the same state, with the same outcome and the
     * same timestamps set; the state is the highest one reported.
     */
    @Property
    void statusReportsMergeToTheSameStateInAnyOrder(@ForAll("reports") List<Report> reports, @ForAll long shuffleSeed) {
        List<Report> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        shuffled.add(shuffled.get(0)); // a duplicate delivery of one webhook
        Recipient inOrder = deliverAll(reports);
        Recipient reordered = deliverAll(shuffled);
        assertThat(reordered.state()).isEqualTo(inOrder.state());
        assertThat(reordered.outcome()).isEqualTo(inOrder.outcome());
        assertThat(reordered.deliveredAt().isPresent())
                .isEqualTo(inOrder.deliveredAt().isPresent());
        assertThat(reordered.readAt().isPresent()).isEqualTo(inOrder.readAt().isPresent());
        assertThat(reordered.repliedAt().isPresent())
                .isEqualTo(inOrder.repliedAt().isPresent());
        DeliveryState highest = reports.stream()
                .map(Report::state)
                .max(Comparator.comparingInt(DeliveryState::rank))
                .orElseThrow();
        assertThat(inOrder.state()).isEqualTo(highest);
        if (highest.isDelivered()) {
            assertThat(inOrder.deliveredAt())
                    .as("READ and REPLIED imply DELIVERED")
                    .isPresent();
        }
    }

    /** Applies the receipt and then the reports one at a time to a fresh recipient, then applies them all again. */
    private static Recipient deliverAll(List<Report> reports) {
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        CampaignId campaign = insertCampaign(store);
        store.insertRecipients(campaign, List.of(NewRecipient.pending(contact(0), T0)), T0);
        Recipient claimed = store.claimForSending(campaign, new Lease("engine", T0.plusSeconds(30)), 1, T0)
                .get(0);
        RecipientKey key = claimed.key();
        store.apply(List.of(
                new RecipientUpdate.Accepted(key, claimed.lease().orElseThrow(), "wamid.1", T0.plusSeconds(1))));
        reports.forEach(report -> store.apply(List.of(report.toUpdate(key))));
        Recipient once = store.findRecipient(key).orElseThrow();
        assertThat(store.apply(
                        reports.stream().map(report -> report.toUpdate(key)).toList()))
                .as("every report applied again is a no-op")
                .isEmpty();
        return once;
    }

    /**
     * Random schedules of claims, lease recoveries, outcomes and clock steps by several processes never
     * hand a recipient under a live lease to another process, recover each expired lease once, and
     * lose no recipient (checked step by step against a model; a failure names its seed).
     */
    @Property(tries = 200)
    void randomClaimSchedulesNeverHandOutARecipientTwice(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int owners,
            @ForAll @IntRange(min = 1, max = 30) int audience) {
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        CampaignId campaign = insertCampaign(store);
        store.insertRecipients(
                campaign,
                IntStream.range(0, audience)
                        .mapToObj(i -> NewRecipient.pending(contact(i), T0))
                        .toList(),
                T0);
        List<PhoneNumber> phones =
                IntStream.range(0, audience).mapToObj(i -> contact(i).phone()).toList();
        new ClaimSchedule(store, campaign, T0, owners, seed).run(phones, 150);
    }

    /** An ACTIVE campaign {@code c-1} in {@code store}, launched at {@code T0}; shared with the other properties here. */
    static CampaignId insertCampaign(InMemoryCampaignStore store) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Properties")
                .botFlowId("flow")
                .channel("whatsapp-cloud", "109876543210")
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("list.csv"))
                .build();
        Campaign campaign = Campaign.create(
                        CampaignId.of("c-1"), "acme", "cobranza", CampaignKind.LIVE, configuration, T0)
                .launch(T0);
        store.insert(campaign);
        return campaign.id();
    }

    private static Contact contact(int index) {
        return Contact.of(PhoneNumber.parse(String.format("+5255%08d", index)));
    }
}
