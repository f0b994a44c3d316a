package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link io.campaignkit.core.port.RecipientStore#findRecipients} by outcome
 * ({@link RecipientQuery.ByOutcome}): a finished campaign's recipients read back as a retargeted audience.
 * Extend it in your store's tests and return a new, empty storage from {@link #storage()} (or extend
 * {@link StorageContractKit}, which runs every port's kit).
 */
public abstract class RecipientOutcomeQueryContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected RecipientOutcomeQueryContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientOutcomeQueryContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** A campaign's recipients read by outcome ({@link RecipientQuery.ByOutcome}), as a retargeted audience reads them. */
    @Nested
    @DisplayName("recipients by outcome")
    public class ByOutcome {

        private static final StatusReason BLOCKED =
                new StatusReason("RECIPIENT_PERMANENT", "number blocked", Optional.of("131026"), true);
        private static final StatusReason INVALID =
                new StatusReason("RECIPIENT_PERMANENT", "invalid number", Optional.of("131009"), true);

        /**
         * Nine recipients, one per outcome: 0 REPLIED, 1 READ, 2 DELIVERED, 3 SENT, 4 FAILED (131026), 5 FAILED
         * (131009), 6 UNKNOWN, 7 SKIPPED (OPTED_OUT), 8 PENDING.
         */
        private Campaign campaignWithEveryOutcome() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            List<NewRecipient> added = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                added.add(NewRecipient.pending(contact(i), at(0)));
            }
            added.add(NewRecipient.skipped(contact(7), at(0), OPTED_OUT));
            added.add(NewRecipient.pending(contact(8), at(5)));
            recipients().insertRecipients(campaign.id(), added, at(0));
            Lease lease = leaseOf(recipients().claimForSending(campaign.id(), leaseFrom("a", at(0)), 7, at(0)));
            for (int i = 0; i < 4; i++) {
                apply(new RecipientUpdate.Accepted(key(campaign.id(), i), lease, "wamid." + i, at(1)));
            }
            apply(
                    new RecipientUpdate.Failed(key(campaign.id(), 4), lease, BLOCKED, at(1)),
                    new RecipientUpdate.Failed(key(campaign.id(), 5), lease, INVALID, at(1)),
                    new RecipientUpdate.Unknown(key(campaign.id(), 6), lease, TIMEOUT, at(1)),
                    new RecipientUpdate.StatusReached(
                            key(campaign.id(), 0), DeliveryState.REPLIED, Optional.empty(), at(2)),
                    new RecipientUpdate.StatusReached(
                            key(campaign.id(), 1), DeliveryState.READ, Optional.empty(), at(2)),
                    new RecipientUpdate.StatusReached(
                            key(campaign.id(), 2), DeliveryState.DELIVERED, Optional.empty(), at(2)));
            return campaign;
        }

        private List<Integer> matching(Campaign campaign, String filter) {
            List<Recipient> found = recipients()
                    .findRecipients(new RecipientQuery.ByOutcome(
                            campaign.id(), io.campaignkit.core.campaign.OutcomeFilter.parse(filter), -1, 100));
            return found.stream().map(recipient -> (int) recipient.sequence()).toList();
        }

        @Test
        void eachOutcomeSelectsItsRecipientsBySequence() {
            Campaign campaign = campaignWithEveryOutcome();
            assertThat(matching(campaign, "not-delivered")).containsExactly(3, 4, 5, 6, 7, 8);
            assertThat(matching(campaign, "not-read")).containsExactly(2, 3, 4, 5, 6, 7, 8);
            assertThat(matching(campaign, "not-replied")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(matching(campaign, "failed")).containsExactly(4, 5);
            assertThat(matching(campaign, "unknown")).containsExactly(6);
            assertThat(matching(campaign, "skipped")).containsExactly(7);
        }

        @Test
        void aCodeNarrowsFailedByTheProviderCodeAndSkippedByTheReason() {
            Campaign campaign = campaignWithEveryOutcome();
            assertThat(matching(campaign, "failed:131026")).containsExactly(4);
            assertThat(matching(campaign, "failed:RECIPIENT_PERMANENT"))
                    .as("the provider's code, not the class")
                    .isEmpty();
            assertThat(matching(campaign, "skipped:OPTED_OUT")).containsExactly(7);
            assertThat(matching(campaign, "skipped:CAMPAIGN_FINISHED")).isEmpty();
            assertThat(matching(campaign, "failed:131009,unknown,skipped:OPTED_OUT"))
                    .containsExactly(5, 6, 7);
        }

        @Test
        void pagesFollowTheSequenceAndCarryTheStoredContact() {
            Campaign campaign = campaignWithEveryOutcome();
            io.campaignkit.core.campaign.OutcomeFilter notDelivered =
                    io.campaignkit.core.campaign.OutcomeFilter.custom()
                            .notDelivered()
                            .build();
            List<Recipient> first =
                    recipients().findRecipients(new RecipientQuery.ByOutcome(campaign.id(), notDelivered, -1, 2));
            assertThat(first).extracting(Recipient::sequence).containsExactly(3L, 4L);
            assertThat(recipients().findRecipients(new RecipientQuery.ByOutcome(campaign.id(), notDelivered, 4, 3)))
                    .extracting(Recipient::sequence)
                    .containsExactly(5L, 6L, 7L);
            assertThat(recipients().findRecipients(new RecipientQuery.ByOutcome(campaign.id(), notDelivered, 8, 3)))
                    .isEmpty();
            assertThat(first.get(0).contact()).isEqualTo(contact(3));
            assertThat(recipients()
                            .findRecipients(
                                    new RecipientQuery.ByOutcome(CampaignId.of("nowhere"), notDelivered, -1, 3)))
                    .isEmpty();
        }
    }
}
