package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientWindows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The in-memory claim across zones ({@link PendingMerge} over the zones' queues) against the rule written
 * as a sort: every due recipient of the asked zones, by due time then sequence, up to the limit, in
 * successive claims until none is left. Due times differ in seconds and in nanoseconds (a retry's time
 * keeps its nanoseconds), several recipients share one, and some are not yet due.
 */
class ClaimAcrossZonesProperties {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final List<String> ZONES = Stream.of("America/Mexico_City", "Europe/Madrid", "Asia/Tokyo", "UTC")
            .map(zone -> RecipientZone.of(ZoneId.of(zone)).key())
            .toList();

    record Added(int zone, long dueOffsetNanos) {}

    @Property(tries = 300)
    void successiveClaimsAcrossZonesTakeTheDueRecipientsInDueThenSequenceOrder(
            @ForAll("audiences") List<Added> audience,
            @ForAll("zoneSets") Set<Integer> asked,
            @ForAll @IntRange(min = 1, max = 7) int limit) {
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        CampaignId campaign = InMemoryCampaignStoreProperties.insertCampaign(store);
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < audience.size(); i++) {
            Added one = audience.get(i);
            added.add(new NewRecipient(
                    Contact.of(PhoneNumber.parse(String.format("+5255%08d", i))),
                    T0.plusNanos(one.dueOffsetNanos()),
                    Optional.empty(),
                    Optional.of(ZONES.get(one.zone()))));
        }
        store.insertRecipients(campaign, added, T0);
        Instant now = T0.plusSeconds(2);
        Set<String> zones = new HashSet<>();
        asked.forEach(zone -> zones.add(ZONES.get(zone)));

        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < audience.size(); i++) {
            Added one = audience.get(i);
            if (asked.contains(one.zone())
                    && !T0.plusNanos(one.dueOffsetNanos()).isAfter(now)) {
                expected.add((long) i);
            }
        }
        expected.sort(
                Comparator.<Long, Long>comparing(i -> audience.get(i.intValue()).dueOffsetNanos())
                        .thenComparing(i -> i));

        RecipientWindows windows = store.windows().orElseThrow();
        List<Long> claimed = new ArrayList<>();
        int claims = 0;
        while (true) {
            List<Recipient> batch = windows.claimDueIn(
                    campaign, zones, new Lease("claim-" + claims++, now.plusSeconds(30)), limit, now);
            assertThat(batch.size()).isLessThanOrEqualTo(limit);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(recipient -> claimed.add(recipient.sequence()));
        }
        assertThat(claimed).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<Added>> audiences() {
        // due within four seconds of T0 (the claim is at two): whole seconds, half seconds and odd nanoseconds
        Arbitrary<Long> due = Arbitraries.oneOf(
                Arbitraries.of(0L, 1_000_000_000L, 2_000_000_000L, 3_000_000_000L),
                Arbitraries.of(500_000_000L, 1_500_000_000L, 2_000_000_001L, 1_999_999_999L),
                Arbitraries.longs().between(0, 4_000_000_000L));
        return Combinators.combine(Arbitraries.integers().between(0, ZONES.size() - 1), due)
                .as(Added::new)
                .list()
                .ofMaxSize(40);
    }

    @Provide
    Arbitrary<Set<Integer>> zoneSets() {
        return Arbitraries.integers().between(0, ZONES.size() - 1).set().ofMinSize(1);
    }
}
