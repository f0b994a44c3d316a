package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two campaigns engaging the same phones on one sender at the same moment: each phone goes to exactly one of
 * them (the table's put is atomic, through its growth), and the one it names as holder is the one that has it.
 */
class EngagementsRaceTest {

    private static final SenderKey SENDER = SenderKey.of("whatsapp-cloud", "sender-1");
    private static final CampaignId FIRST = CampaignId.of("first");
    private static final CampaignId SECOND = CampaignId.of("second");

    @RepeatedTest(20)
    void eachPhoneGoesToExactlyOneOfTwoCampaignsEngagingItAtOnce() throws Exception {
        List<PhoneNumber> phones = new ArrayList<>();
        for (int number = 0; number < 2_000; number++) {
            phones.add(PhoneNumber.parse(String.format("+52551%07d", number)));
        }
        Engagements engagements = new Engagements();
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Set<PhoneNumber>> first =
                CompletableFuture.supplyAsync(() -> engageAtOnce(engagements, FIRST, phones, start));
        CompletableFuture<Set<PhoneNumber>> second =
                CompletableFuture.supplyAsync(() -> engageAtOnce(engagements, SECOND, phones, start));

        Set<PhoneNumber> takenFromFirst = first.get();
        Set<PhoneNumber> takenFromSecond = second.get();
        for (PhoneNumber phone : phones) {
            assertThat(takenFromFirst.contains(phone))
                    .as("%s is the second campaign's exactly when the first was refused it", phone)
                    .isNotEqualTo(takenFromSecond.contains(phone));
            CampaignId holder = takenFromFirst.contains(phone) ? SECOND : FIRST;
            assertThat(engagements.engagedCampaign(SENDER, phone)).contains(holder);
        }
    }

    private static Set<PhoneNumber> engageAtOnce(
            Engagements engagements, CampaignId campaign, List<PhoneNumber> phones, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return engagements.engage(SENDER, campaign, phones);
    }
}
