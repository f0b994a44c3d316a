package io.campaignkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared argument rules at their edges: what is the first value refused and the last accepted, and
 * that the error names the argument (and, for a list, the index of the null). Every store and every
 * public method relies on them, so a moved boundary would change what all of them accept.
 */
class ArgumentRulesTest {

    private static void refused(Runnable call, String argument, String... messageParts) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument()).isEqualTo(argument))
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void positiveNumbersStartAtOne() {
        assertThat(Arguments.requirePositive(1, "size")).isEqualTo(1);
        assertThat(Arguments.requirePositive(1L, "size")).isEqualTo(1L);
        refused(() -> Arguments.requirePositive(0, "size"), "size", "size must be positive, was 0");
        refused(() -> Arguments.requirePositive(0L, "size"), "size", "size must be positive, was 0");
        refused(() -> Arguments.requirePositive(-1L, "size"), "size", "was -1");
    }

    @Test
    void positiveDurationsStartAboveZero() {
        assertThat(Arguments.requirePositive(Duration.ofNanos(1), "pause")).isEqualTo(Duration.ofNanos(1));
        refused(() -> Arguments.requirePositive(Duration.ZERO, "pause"), "pause", "pause must be a positive duration");
        refused(() -> Arguments.requirePositive(Duration.ofSeconds(-1), "pause"), "pause", "was PT-1S");
        refused(() -> Arguments.requirePositive((Duration) null, "pause"), "pause", "pause must not be null");
    }

    @Test
    void blankAndNullAreRefusedByName() {
        assertThat(Arguments.requireNonBlank(" a ", "name")).isEqualTo(" a ");
        refused(() -> Arguments.requireNonBlank(" \t", "name"), "name", "name must not be blank");
        refused(() -> Arguments.requireNonBlank(null, "name"), "name", "name must not be null");
        refused(() -> Arguments.require(false, "x", "x is wrong"), "x", "x is wrong");
        Arguments.require(true, "x", "never thrown");
    }

    @Test
    void aNullElementIsNamedByItsIndex() {
        List<String> values = Arrays.asList("a", "b", null, "d");
        refused(() -> Arguments.requireNoNullElements(values, "ids"), "ids", "ids must not contain null (at index 2)");
        assertThat(Arguments.requireNoNullElements(List.of("a"), "ids")).containsExactly("a");
        refused(() -> Arguments.requireNoNullElements(null, "ids"), "ids", "ids must not be null");
    }

    @Test
    void aMapRefusesANullKeyAndANullValue() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        refused(() -> Arguments.requireNoNullEntries(nullValue, "data"), "data", "(key k)");
        refused(() -> Arguments.requireNoNullEntries(nullKey, "data"), "data", "(key null)");
        assertThat(Arguments.requireNoNullEntries(Map.of("k", "v"), "data")).containsEntry("k", "v");
    }

    @Test
    void aBatchHoldsOneToMaxBatchElements() {
        List<Integer> full = new ArrayList<>(Collections.nCopies(CampaignStore.MAX_BATCH, 1));
        assertThat(StoreArguments.requireBatch(List.of(1), "ids")).hasSize(1);
        assertThat(StoreArguments.requireBatch(full, "ids")).hasSize(CampaignStore.MAX_BATCH);
        refused(() -> StoreArguments.requireBatch(List.of(), "ids"), "ids", "ids must hold 1 to 1000 elements, held 0");
        full.add(1);
        refused(() -> StoreArguments.requireBatch(full, "ids"), "ids", "held 1001");

        assertThat(StoreArguments.requireUpToBatch(List.of(), "ids")).isEmpty();
        refused(() -> StoreArguments.requireUpToBatch(full, "ids"), "ids", "ids must hold at most 1000 elements");
        full.remove(0);
        assertThat(StoreArguments.requireUpToBatch(full, "ids")).hasSize(CampaignStore.MAX_BATCH);
    }

    @Test
    void aLimitIsOneToMaxBatch() {
        assertThat(StoreArguments.requireLimit(1)).isEqualTo(1);
        assertThat(StoreArguments.requireLimit(CampaignStore.MAX_BATCH)).isEqualTo(CampaignStore.MAX_BATCH);
        refused(() -> StoreArguments.requireLimit(0), "limit", "limit must be between 1 and 1000, was 0");
        refused(() -> StoreArguments.requireLimit(CampaignStore.MAX_BATCH + 1), "limit", "was 1001");
    }

    @Test
    void aLeaseMustStillBeLive() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        StoreArguments.requireLiveLease(new Lease("engine-1", now.plusMillis(1)), now);
        refused(
                () -> StoreArguments.requireLiveLease(new Lease("engine-1", now), now),
                "lease",
                "lease must expire after now (2026-12-06T10:00:00Z), expires at 2026-12-06T10:00:00Z");
        refused(() -> StoreArguments.requireLiveLease(null, now), "lease", "lease must not be null");
        refused(() -> StoreArguments.requireLiveLease(new Lease("engine-1", now), null), "now", "now must not be null");
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        Instant whole = Instant.parse("2026-12-06T10:00:00.123Z");
        Optional<Instant> wholeOptional = Optional.of(whole);
        assertThat(Instants.toMillisOptional(wholeOptional)).isSameAs(wholeOptional);
        assertThat(Instants.toMillisOptional(Optional.of(whole.plusNanos(999_999))))
                .contains(whole);
        assertThat(Instants.toMillisOptional(Optional.empty())).isEmpty();
        assertThat(Instants.toMillis(whole.plusNanos(1))).isEqualTo(whole);
        assertThat(Instants.toMillis(null)).isNull();
    }
}
