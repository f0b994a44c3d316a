package io.campaignkit.core.port.rules;

import static io.campaignkit.core.port.rules.RecipientRulesTest.report;
import static io.campaignkit.core.port.rules.RecipientRulesTest.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The monotonic merge of {@link RecipientRules}: late, duplicate and reordered reports converge. */
class RecipientRulesProperties {

    @Property
    void anyOrderOfReportsWithDuplicatesEndsInOneState(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 3) Integer> picks, @ForAll long seed) {
        // the provider's reports; a reply (REPLIED) is the contact's, and applies only to an accepted
        // message as it stands when the reply comes (RecipientRulesTest.Replies)
        List<DeliveryState> kinds =
                List.of(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ, DeliveryState.FAILED);
        List<RecipientUpdate> reports = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            reports.add(report(kinds.get(picks.get(i)), 10)); // one instant: the times cannot differ by order
        }
        List<RecipientUpdate> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(seed));
        shuffled.addAll(reports);
        Recipient inOrder = applyAll(sent(), reports);
        Recipient reordered = applyAll(sent(), shuffled);
        assertThat(reordered.state()).isEqualTo(inOrder.state());
        assertThat(List.of(reordered.sentAt(), reordered.deliveredAt(), reordered.readAt(), reordered.repliedAt()))
                .isEqualTo(List.of(inOrder.sentAt(), inOrder.deliveredAt(), inOrder.readAt(), inOrder.repliedAt()));
        assertThat(applyAll(inOrder, reports)).isEqualTo(inOrder);
    }

    private Recipient applyAll(Recipient start, List<RecipientUpdate> updates) {
        Recipient r = start;
        for (RecipientUpdate update : updates) {
            r = RecipientRules.apply(r, update).orElse(r);
        }
        return r;
    }
}
