package io.campaignkit.core.port.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientUpdate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which counters a change moves, and how counters add up to counts. */
class RecipientCountingTest {

    private static final Recipient PENDING = RecipientRulesTest.pending();

    @Test
    void onlySkippedAndFailedRecipientsAreCountedUnderTheirCode() {
        Recipient retried = RecipientRules.apply(
                        RecipientRulesTest.sending(),
                        new RecipientUpdate.RetryLater(
                                RecipientRulesTest.KEY,
                                RecipientRulesTest.LEASE,
                                RecipientRulesTest.T0,
                                RecipientRulesTest.TIMEOUT,
                                RecipientRulesTest.T0))
                .orElseThrow();
        assertThat(RecipientCounting.keyOf(retried).code()).isEqualTo(CounterKey.NO_CODE);
        assertThat(RecipientCounting.keyOf(
                        RecipientRules.skip(PENDING, RecipientRulesTest.REJECTED, RecipientRulesTest.T0)))
                .isEqualTo(new CounterKey(RecipientRulesTest.CAMPAIGN, DeliveryState.SKIPPED, "REJECTED"));
    }

    @Test
    void aChangeMovesOneRecipientFromItsOldCounterToItsNewOneWithItsTimes() {
        Recipient sending = RecipientRulesTest.sending();
        Recipient sent = RecipientRulesTest.sent();
        Map<CounterKey, CounterValues> deltas =
                new RecipientCounting().changed(sending, sent).deltas();
        assertThat(deltas)
                .containsExactly(
                        Map.entry(
                                new CounterKey(RecipientRulesTest.CAMPAIGN, DeliveryState.SENDING, CounterKey.NO_CODE),
                                new CounterValues(-1, 0, 0, 0)),
                        Map.entry(
                                new CounterKey(RecipientRulesTest.CAMPAIGN, DeliveryState.SENT, CounterKey.NO_CODE),
                                new CounterValues(1, 1, 0, 0)));
    }

    @Test
    void aChangeThatCancelsOutMovesNoCounter() {
        Recipient sending = RecipientRulesTest.sending();
        assertThat(new RecipientCounting()
                        .changed(
                                sending,
                                RecipientRules.recover(sending, RecipientRulesTest.OTHER, RecipientRulesTest.T0))
                        .deltas())
                .isEmpty();
    }

    @Test
    void countersAddUpToCountsWithoutEmptyCodes() {
        Map<CounterKey, CounterValues> counters = new HashMap<>();
        Recipient failed = RecipientRules.apply(
                        RecipientRulesTest.sent(), RecipientRulesTest.report(DeliveryState.FAILED, 2))
                .orElseThrow();
        Recipient delivered = RecipientRules.apply(
                        RecipientRulesTest.sent(), RecipientRulesTest.report(DeliveryState.DELIVERED, 2))
                .orElseThrow();
        new RecipientCounting()
                .added(PENDING)
                .added(failed)
                .added(delivered)
                .changed(PENDING, RecipientRules.skip(PENDING, RecipientRulesTest.TIMEOUT, RecipientRulesTest.T0))
                .changed(RecipientRules.skip(PENDING, RecipientRulesTest.TIMEOUT, RecipientRulesTest.T0), PENDING)
                .deltas()
                .forEach((key, delta) -> counters.merge(key, delta, CounterValues::plus));
        counters.put(new CounterKey(RecipientRulesTest.CAMPAIGN, DeliveryState.SKIPPED, "GONE"), CounterValues.ZERO);
        RecipientCounts counts = RecipientCounting.counts(counters);
        assertThat(counts.count(DeliveryState.PENDING)).isEqualTo(1);
        assertThat(counts.count(DeliveryState.FAILED)).isEqualTo(1);
        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.accepted()).isEqualTo(2);
        assertThat(counts.delivered()).isEqualTo(1);
        assertThat(counts.failedByCode()).containsExactly(Map.entry("REJECTED", 1L));
        assertThat(counts.skippedByReason()).isEmpty();
        assertThat(Optional.of(counts)).isPresent();
    }
}
