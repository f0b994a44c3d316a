package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link io.campaignkit.core.port.EngagementStore} and
 * {@link io.campaignkit.core.port.SuppressionList} ports: exclusivity and the suppression list. Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class EngagementStoreContractKit extends StoreContractSupport {

    /** A second sender on the default sender's channel. */
    protected static final SenderKey OTHER_SENDER = new SenderKey("whatsapp-cloud", "222222222222");

    /** For subclasses. */
    protected EngagementStoreContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected EngagementStoreContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** A contact is engaged in at most one campaign per sender. */
    @Nested
    @DisplayName("exclusivity")
    public class Exclusivity {

        private final CampaignId first = CampaignId.of("c-1");
        private final CampaignId second = CampaignId.of("c-2");

        @BeforeEach
        void storeTheCampaigns() {
            storeActiveCampaigns("c-1", "c-2");
        }

        @Test
        void aContactEngagedWithOneCampaignIsRefusedToAnotherOnTheSameSender() {
            assertThat(engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 3)))
                    .isEmpty();
            Set<PhoneNumber> taken = engagements().engage(DEFAULT_SENDER, second, phonesOf(2, 5));
            assertThat(taken).containsExactly(contact(2).phone());
            assertThat(engagements().engagedCampaign(DEFAULT_SENDER, contact(2).phone()))
                    .contains(first);
            assertThat(engagements().engagedCampaign(DEFAULT_SENDER, contact(4).phone()))
                    .contains(second);
            assertThat(engagements().engagedCampaign(DEFAULT_SENDER, contact(9).phone()))
                    .isEmpty();
        }

        @Test
        void aLaunchSizedBatchPartlyHeldElsewhereEngagesTheRestAndAnswersTheHeld() {
            // batches of a launch's size, which a store may load in bulk: one that meets held phones must
            // still engage the others, and the batches after it (with and without held phones) as well
            assertThat(engagements().engage(DEFAULT_SENDER, first, phonesOf(100, 150)))
                    .isEmpty();

            assertThat(engagements().engage(DEFAULT_SENDER, second, phonesOf(0, 300)))
                    .containsExactlyInAnyOrderElementsOf(phonesOf(100, 150));
            assertThat(engagements().engage(DEFAULT_SENDER, second, phonesOf(300, 500)))
                    .isEmpty();
            assertThat(engagements().engage(DEFAULT_SENDER, second, phonesOf(500, 700)))
                    .isEmpty();
            assertThat(engagements().engage(DEFAULT_SENDER, first, phonesOf(650, 900)))
                    .containsExactlyInAnyOrderElementsOf(phonesOf(650, 700));

            Map<PhoneNumber, CampaignId> holders = engagements().engagedCampaigns(DEFAULT_SENDER, phonesOf(0, 900));
            assertThat(holders).hasSize(900);
            for (int i = 0; i < 900; i++) {
                boolean firsts = (i >= 100 && i < 150) || i >= 700;
                assertThat(holders.get(contact(i).phone()))
                        .as("the holder of contact " + i)
                        .isEqualTo(firsts ? first : second);
            }
        }

        @Test
        void theCampaignsOfSeveralPhonesAreReadOnOneSender() {
            engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 2));
            engagements().engage(DEFAULT_SENDER, second, phonesOf(2, 3));
            engagements().engage(SenderKey.of("whatsapp-cloud", "other-sender"), second, phonesOf(3, 4));
            assertThat(engagements().engagedCampaigns(DEFAULT_SENDER, phonesOf(0, 5)))
                    .isEqualTo(java.util.Map.of(
                            contact(0).phone(),
                            first,
                            contact(1).phone(),
                            first,
                            contact(2).phone(),
                            second));
        }

        @Test
        void engagingAgainWithTheSameCampaignSucceeds() {
            engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 2));
            assertThat(engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 3)))
                    .isEmpty();
            assertThat(engagements().releaseEngagements(first, 100))
                    .as("each engagement released once")
                    .isEqualTo(3);
        }

        @Test
        void differentSendersEngageOneContactIndependently() {
            assertThat(engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 1)))
                    .isEmpty();
            assertThat(engagements().engage(OTHER_SENDER, second, phonesOf(0, 1)))
                    .isEmpty();
            assertThat(engagements().engagedCampaign(OTHER_SENDER, contact(0).phone()))
                    .contains(second);
        }

        @Test
        void aTenantWideScopeKeyIsOneMoreSenderKey() {
            // the engine's PER_CONTACT scope engages contacts under a key no channel has, one per tenant,
            // besides the sender they are sent from: the store keeps it like any sender's
            SenderKey tenantWide = new SenderKey("*tenant", "acme");
            assertThat(engagements().engage(tenantWide, first, phonesOf(0, 2))).isEmpty();
            assertThat(engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 2)))
                    .isEmpty();
            assertThat(engagements().engage(tenantWide, second, phonesOf(1, 3)))
                    .containsExactly(contact(1).phone());
            assertThat(engagements().engagedCampaign(tenantWide, contact(1).phone()))
                    .contains(first);
            assertThat(engagements().engagedCampaign(tenantWide, contact(2).phone()))
                    .contains(second);
            assertThat(engagements().engagedCampaign(OTHER_SENDER, contact(2).phone()))
                    .isEmpty();
            assertThat(engagements().releaseEngagements(first, 100))
                    .as("the scope key's and the sender's")
                    .isEqualTo(4);
            assertThat(engagements().engage(tenantWide, second, phonesOf(0, 2))).isEmpty();
        }

        @Test
        void ofTwoCampaignsEngagingOneContactAtTheSameMomentExactlyOneWins() throws Exception {
            int contacts = 200;
            List<Callable<Set<PhoneNumber>>> launches = new ArrayList<>();
            List<CampaignId> campaigns = new ArrayList<>();
            for (int i = 0; i < Math.max(2, concurrentClaimers()); i++) {
                CampaignId campaign = CampaignId.of("c-" + i);
                storeActiveCampaigns(campaign.value());
                campaigns.add(campaign);
                launches.add(() -> engagements().engage(DEFAULT_SENDER, campaign, phonesOf(0, contacts)));
            }
            List<Set<PhoneNumber>> refused = runConcurrently(launches);
            for (PhoneNumber phone : phonesOf(0, contacts)) {
                Optional<CampaignId> winner = engagements().engagedCampaign(DEFAULT_SENDER, phone);
                assertThat(winner).as(phone + " is engaged").isPresent();
                for (int i = 0; i < campaigns.size(); i++) {
                    boolean won = winner.get().equals(campaigns.get(i));
                    assertThat(refused.get(i).contains(phone))
                            .as(phone + " refused to " + campaigns.get(i))
                            .isEqualTo(!won);
                }
            }
        }

        @Test
        void releasingFreesTheContactsInBatchesForOtherCampaigns() {
            engagements().engage(DEFAULT_SENDER, first, phonesOf(0, 3));
            engagements().engage(OTHER_SENDER, first, phonesOf(0, 2));
            engagements().engage(DEFAULT_SENDER, second, phonesOf(10, 12));
            assertThat(engagements().releaseEngagements(first, 3)).isEqualTo(3);
            assertThat(engagements().releaseEngagements(first, 3)).isEqualTo(2);
            assertThat(engagements().releaseEngagements(first, 3)).isZero();
            assertThat(engagements().engagedCampaign(DEFAULT_SENDER, contact(0).phone()))
                    .isEmpty();
            assertThat(engagements().engagedCampaign(OTHER_SENDER, contact(0).phone()))
                    .isEmpty();
            assertThat(engagements().engagedCampaign(DEFAULT_SENDER, contact(10).phone()))
                    .as("other campaigns keep theirs")
                    .contains(second);
            assertThat(engagements().engage(DEFAULT_SENDER, second, phonesOf(0, 3)))
                    .isEmpty();
        }
    }

    /** Opted-out phones, per sender or on every sender. */
    @Nested
    @DisplayName("suppression list")
    public class SuppressionListChecks {

        private Suppression onSender(SenderKey sender, int contact) {
            return new Suppression(Optional.of(sender), contact(contact).phone(), Suppression.CHANNEL_OPT_OUT, at(0));
        }

        private Suppression everywhere(int contact) {
            return new Suppression(Optional.empty(), contact(contact).phone(), Suppression.HOST, at(0));
        }

        @Test
        void aPerSenderSuppressionAppliesToThatSenderOnly() {
            suppressions().suppress(onSender(DEFAULT_SENDER, 1));
            assertThat(suppressions().suppressedAmong(DEFAULT_SENDER, phonesOf(0, 3)))
                    .containsExactly(contact(1).phone());
            assertThat(suppressions().suppressedAmong(OTHER_SENDER, phonesOf(0, 3)))
                    .isEmpty();
            assertThat(suppressions().isSuppressed(DEFAULT_SENDER, contact(1).phone()))
                    .isTrue();
        }

        @Test
        void anEverySenderSuppressionAppliesEverywhere() {
            suppressions().suppress(everywhere(2));
            assertThat(suppressions().suppressedAmong(DEFAULT_SENDER, phonesOf(0, 3)))
                    .containsExactly(contact(2).phone());
            assertThat(suppressions().suppressedAmong(OTHER_SENDER, phonesOf(0, 3)))
                    .containsExactly(contact(2).phone());
        }

        @Test
        void suppressingTwiceIsIdempotentAndLiftingRemovesIt() {
            suppressions().suppress(onSender(DEFAULT_SENDER, 1));
            suppressions().suppress(onSender(DEFAULT_SENDER, 1));
            assertThat(suppressions()
                            .lift(Optional.of(DEFAULT_SENDER), contact(1).phone()))
                    .isTrue();
            assertThat(suppressions()
                            .lift(Optional.of(DEFAULT_SENDER), contact(1).phone()))
                    .isFalse();
            assertThat(suppressions().isSuppressed(DEFAULT_SENDER, contact(1).phone()))
                    .isFalse();
        }

        @Test
        void aPerSenderLiftDoesNotLiftAnEverySenderSuppression() {
            suppressions().suppress(everywhere(1));
            assertThat(suppressions()
                            .lift(Optional.of(DEFAULT_SENDER), contact(1).phone()))
                    .isFalse();
            assertThat(suppressions().isSuppressed(DEFAULT_SENDER, contact(1).phone()))
                    .isTrue();
            assertThat(suppressions().lift(Optional.empty(), contact(1).phone()))
                    .isTrue();
            assertThat(suppressions().isSuppressed(DEFAULT_SENDER, contact(1).phone()))
                    .isFalse();
        }
    }
}
