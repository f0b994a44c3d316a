package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.BusyWaits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link BusyWaits}, when each waiting busy contact was first found busy, kept by a
 * store so that every engine on it counts a campaign's busy-contact wait from one instant. Extend it (or
 * {@link StorageContractKit}, which runs it) with a storage whose recipient store answers
 * {@link io.campaignkit.core.port.RecipientStore#busyWaits()}. The checks are grouped by rule in
 * {@code @Nested} classes, each named after the rule it checks.
 */
public abstract class BusyWaitsContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected BusyWaitsContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected BusyWaitsContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** @return the storage's busy waits; the kit fails when it has none */
    protected final BusyWaits waits() {
        return recipients()
                .busyWaits()
                .orElseThrow(() -> new AssertionError(
                        "the recipient store answers no BusyWaits: each engine counts busy waits on its own"));
    }

    private PhoneNumber phone(int index) {
        return contact(index).phone();
    }

    /** The first instant is the one kept. */
    @Nested
    @DisplayName("the first instant")
    public class FirstInstant {

        @Test
        void theInstantAContactWasFirstFoundBusyIsKeptForLaterLooks() {
            storeActiveCampaigns("c-1");
            CampaignId campaign = CampaignId.of("c-1");
            assertThat(waits().firstFoundBusy(campaign, phone(0), at(10))).isEqualTo(at(10));
            assertThat(waits().firstFoundBusy(campaign, phone(0), at(70))).isEqualTo(at(10));
            assertThat(waits().firstFoundBusy(campaign, phone(0), at(3_600))).isEqualTo(at(10));
        }

        @Test
        void eachCampaignAndPhoneWaitsOnItsOwn() {
            storeActiveCampaigns("c-1", "c-2");
            CampaignId one = CampaignId.of("c-1");
            CampaignId two = CampaignId.of("c-2");
            assertThat(waits().firstFoundBusy(one, phone(0), at(10))).isEqualTo(at(10));
            assertThat(waits().firstFoundBusy(one, phone(1), at(20))).isEqualTo(at(20));
            assertThat(waits().firstFoundBusy(two, phone(0), at(30))).isEqualTo(at(30));
            assertThat(waits().firstFoundBusy(one, phone(0), at(40))).isEqualTo(at(10));
            assertThat(waits().firstFoundBusy(two, phone(0), at(40))).isEqualTo(at(30));
        }

        @Test
        void enginesFindingOneContactBusyAtOnceAllGetTheInstantStoredFirst() throws Exception {
            storeActiveCampaigns("c-1");
            CampaignId campaign = CampaignId.of("c-1");
            int engines = Math.max(2, concurrentClaimers());
            for (int round = 0; round < 5; round++) {
                PhoneNumber phone = phone(round);
                List<Callable<Instant>> looks = new ArrayList<>();
                for (int engine = 0; engine < engines; engine++) {
                    Instant now = at(100 + engine); // each engine's own clock: one of them is stored
                    looks.add(() -> waits().firstFoundBusy(campaign, phone, now));
                }
                List<Instant> seen = runConcurrently(looks);
                assertThat(seen).as("round " + round).containsOnly(seen.get(0));
                assertThat(seen.get(0)).isBetween(at(100), at(100 + engines - 1));
                assertThat(waits().firstFoundBusy(campaign, phone, at(500))).isEqualTo(seen.get(0));
            }
        }
    }

    /** A wait that ended starts afresh; nothing outlives its campaign. */
    @Nested
    @DisplayName("ending waits")
    public class Ending {

        @Test
        void anEndedWaitStartsAgainFromTheNextLookAndOthersStay() {
            storeActiveCampaigns("c-1");
            CampaignId campaign = CampaignId.of("c-1");
            waits().firstFoundBusy(campaign, phone(0), at(10));
            waits().firstFoundBusy(campaign, phone(1), at(10));
            waits().endBusyWaits(campaign, List.of(phone(0), phone(2)));
            waits().endBusyWaits(campaign, List.of(phone(0)));
            assertThat(waits().firstFoundBusy(campaign, phone(0), at(90))).isEqualTo(at(90));
            assertThat(waits().firstFoundBusy(campaign, phone(1), at(90))).isEqualTo(at(10));
        }

        @Test
        void endingAllWaitsOfACampaignLeavesOtherCampaignsWaiting() {
            storeActiveCampaigns("c-1", "c-2");
            CampaignId one = CampaignId.of("c-1");
            CampaignId two = CampaignId.of("c-2");
            waits().firstFoundBusy(one, phone(0), at(10));
            waits().firstFoundBusy(one, phone(1), at(10));
            waits().firstFoundBusy(two, phone(0), at(10));
            waits().endAllBusyWaits(one);
            waits().endAllBusyWaits(one);
            assertThat(waits().firstFoundBusy(one, phone(0), at(90))).isEqualTo(at(90));
            assertThat(waits().firstFoundBusy(one, phone(1), at(90))).isEqualTo(at(90));
            assertThat(waits().firstFoundBusy(two, phone(0), at(90))).isEqualTo(at(10));
        }

        @Test
        void deletingACampaignEndsItsWaits() {
            Campaign active = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(active);
            waits().firstFoundBusy(active.id(), phone(0), at(10));
            Campaign finished = active.finish(FinishReason.BY_USER, at(120));
            store().update(finished, active.version());
            store().delete(finished);
            store().insert(active); // a new campaign under the same id waits for no one yet
            assertThat(waits().firstFoundBusy(active.id(), phone(0), at(200))).isEqualTo(at(200));
        }
    }
}
