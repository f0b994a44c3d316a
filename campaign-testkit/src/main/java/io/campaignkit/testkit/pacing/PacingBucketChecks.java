package io.campaignkit.testkit.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@code Buckets} group of the {@link PacingStoreContractKit}: a permit from the campaign's and the
 * sender's bucket together or from neither, a sender shared by its campaigns (and not by others), holds,
 * forgetting a campaign, instants that go back, and argument validation. A group of its own file, run
 * nested in the kit with the kit's hooks: extend the kit, not this class.
 */
public abstract class PacingBucketChecks extends PacingContractSupport {

    private final PacingContractSupport kit;

    /**
     * The group, answering every hook as {@code kit} does.
     *
     * @param kit the kit the group runs in
     */
    protected PacingBucketChecks(PacingContractSupport kit) {
        this.kit = kit;
    }

    @Override
    protected PacingStore store() {
        return kit.store();
    }

    @Override
    protected PacingStore anotherNode(PacingStore store) {
        return kit.anotherNode(store);
    }

    @Override
    protected Instant startTime() {
        return kit.startTime();
    }

    @Override
    protected int concurrentAcquirers() {
        return kit.concurrentAcquirers();
    }

    @Override
    protected Duration concurrencyTimeout() {
        return kit.concurrencyTimeout();
    }

    /**
     * A permit is taken from the campaign's and the sender's bucket together or from neither: a refusal
     * by one bucket leaves the other's permit in place.
     */
    @Test
    void aPermitIsTakenFromBothBucketsOrFromNeither() {
        PacingStore store = store();
        RateLimit senderLimit = RateLimit.perSecond(1);
        SendLimits a = limits("a", RateLimit.perSecond(10), "shared", senderLimit);
        SendLimits b = limits("b", RateLimit.perHour(1), "shared", senderLimit);
        assertThat(store.tryAcquire(a, 1, at(0))).isEqualTo(1);
        // the sender refuses b: b's only permit of the hour stays in its bucket
        assertThat(store.tryAcquire(b, 1, at(0))).isZero();
        assertThat(store.tryAcquire(b, 1, at(1000))).isEqualTo(1);
        // b's campaign refuses it: the sender's permit of the next second stays for a
        assertThat(store.tryAcquire(b, 1, at(2000))).isZero();
        assertThat(store.availablePermits(b, at(2000))).isZero();
        assertThat(store.tryAcquire(a, 5, at(2000))).isEqualTo(1);
    }

    /** Every campaign on a sender shares its limit; campaigns on another sender do not count against it. */
    @Test
    void campaignsOnOneSenderShareItsLimit() {
        PacingStore store = store();
        RateLimit senderLimit = RateLimit.perSecond(5);
        SendLimits a = limits("a", RateLimit.perSecond(100), "shared", senderLimit);
        SendLimits b = limits("b", RateLimit.perSecond(100), "shared", senderLimit);
        SendLimits elsewhere = limits("c", RateLimit.perSecond(100), "other", senderLimit);
        Grants shared = new Grants();
        Grants[] each = {new Grants(), new Grants()};
        int other = 0;
        for (int step = 0; step < 300; step++) {
            Instant now = at(step * 10L);
            SendLimits first =
                    step % 40 < 20 ? a : b; // a permit refills every 20 steps: each campaign asks first in turn
            SendLimits second = first == a ? b : a;
            int grantedFirst = store.tryAcquire(first, 3, now);
            int grantedSecond = store.tryAcquire(second, 3, now);
            shared.add(now, grantedFirst + grantedSecond);
            each[first == a ? 0 : 1].add(now, grantedFirst);
            each[first == a ? 1 : 0].add(now, grantedSecond);
            other += store.tryAcquire(elsewhere, 3, now);
        }
        assertThat(shared.maxIn(Duration.ofSeconds(1))).isEqualTo(senderLimit.maxPermitsIn(Duration.ofSeconds(1)));
        // one at t0, then one every 200 ms up to the last ask at 2.99 s
        assertThat(shared.total()).isEqualTo(15);
        assertThat(each[0].total()).as("campaign a's share").isPositive();
        assertThat(each[1].total()).as("campaign b's share").isPositive();
        assertThat(other).as("the other sender's campaign, alone on it").isEqualTo(15);
    }

    /**
     * A sender held until an instant grants nothing before it, to every campaign on it, and one permit
     * at it, from where it refills; a later, shorter hold does not shorten it, a longer one extends it; the campaigns' own
     * buckets are untouched.
     */
    @Test
    void aHeldSenderGrantsNothingUntilTheHoldEndsForEveryCampaign() {
        PacingStore store = store();
        RateLimit senderLimit = RateLimit.perSecond(10).withBurst(4);
        SendLimits a = limits("a", RateLimit.perHour(1).withBurst(2), "held", senderLimit);
        SendLimits b = limits("b", RateLimit.perSecond(100), "held", senderLimit);
        SendLimits elsewhere = limits("c", RateLimit.perSecond(100).withBurst(10), "not-held", senderLimit);
        assertThat(store.tryAcquire(b, 1, at(0))).isEqualTo(1);
        store.holdSender(b, at(5000));
        store.holdSender(a, at(2000)); // shorter, later: changes nothing
        for (SendLimits limits : new SendLimits[] {a, b}) {
            assertThat(store.availablePermits(limits, at(1000)))
                    .as("%s during the hold", limits.campaign())
                    .isZero();
            assertThat(store.tryAcquire(limits, 1, at(4999)))
                    .as("%s a millisecond before its end", limits.campaign())
                    .isZero();
            assertThat(store.nextPermitAt(limits, at(3000)))
                    .as("%s refills from the end", limits.campaign())
                    .isEqualTo(at(5000));
        }
        assertThat(store.tryAcquire(elsewhere, 5, at(1000)))
                .as("another sender is not held")
                .isEqualTo(5);
        assertThat(store.tryAcquire(a, 5, at(5000)))
                .as("one permit at the end of the hold")
                .isEqualTo(1);
        store.holdSender(b, at(8000)); // longer: extends
        assertThat(store.tryAcquire(b, 1, at(7999))).isZero();
        assertThat(store.tryAcquire(a, 5, at(8000)))
                .as("a's own bucket kept its burst through the holds")
                .isEqualTo(1);
        assertThat(store.tryAcquire(a, 5, at(8100))).isEqualTo(1);
        assertThat(store.tryAcquire(a, 5, at(8200)))
                .as("a's bucket is now empty for the hour")
                .isZero();
    }

    /** A forgotten campaign's bucket is dropped (a new one starts full); its sender's bucket stays. */
    @Test
    void forgettingACampaignDropsItsBucketButNotItsSenders() {
        PacingStore store = store();
        SendLimits limits = limits(
                "forgotten",
                RateLimit.perHour(1).withBurst(2),
                "kept",
                RateLimit.perHour(1).withBurst(4));
        assertThat(store.tryAcquire(limits, 10, at(0))).isEqualTo(3);
        assertThat(store.tryAcquire(limits, 10, at(1))).isZero();
        store.forget(limits.campaign());
        store.forget(campaign("never-paced")); // harmless
        assertThat(store.tryAcquire(limits, 10, at(2)))
                .as("a full campaign bucket, limited by what the sender has left")
                .isEqualTo(2);
        assertThat(store.availablePermits(limits, at(3))).isZero();
    }

    /**
     * An instant earlier than one a bucket was already asked at (another node's clock, a little behind)
     * is taken as that later one: the timeline never goes back, so it refills nothing.
     */
    @Test
    void anEarlierInstantIsTakenAsTheBucketsLatest() {
        PacingStore store = store();
        SendLimits limits = limits("skewed", RateLimit.perSecond(1), "skewed-sender", RateLimit.perSecond(1000));
        assertThat(store.tryAcquire(limits, 1, at(0))).isEqualTo(1);
        assertThat(store.tryAcquire(limits, 1, at(1000))).isEqualTo(1);
        assertThat(store.tryAcquire(limits, 1, at(500))).isZero();
        assertThat(store.availablePermits(limits, at(500))).isZero();
        assertThat(store.nextPermitAt(limits, at(500))).isEqualTo(at(2000));
        assertThat(store.tryAcquire(limits, 1, at(2000))).isEqualTo(1);
    }

    /** Bad arguments are refused with an {@code InvalidArgumentException} naming the argument. */
    @Test
    @SuppressWarnings("NullAway") // passes null on purpose: the store must refuse it by name
    void badArgumentsAreRefusedByName() {
        PacingStore store = store();
        SendLimits limits = limits("checked", RateLimit.perSecond(1), "checked-sender", RateLimit.perSecond(1));
        assertInvalidArgument(() -> store.tryAcquire(null, 1, at(0)), "limits");
        assertInvalidArgument(() -> store.tryAcquire(limits, 0, at(0)), "permits");
        assertInvalidArgument(() -> store.tryAcquire(limits, -1, at(0)), "permits");
        assertInvalidArgument(() -> store.tryAcquire(limits, 1, null), "now");
        assertInvalidArgument(() -> store.availablePermits(null, at(0)), "limits");
        assertInvalidArgument(() -> store.availablePermits(limits, null), "now");
        assertInvalidArgument(() -> store.nextPermitAt(null, at(0)), "limits");
        assertInvalidArgument(() -> store.nextPermitAt(limits, null), "now");
        assertInvalidArgument(() -> store.holdSender(null, at(0)), "limits");
        assertInvalidArgument(() -> store.holdSender(limits, null), "until");
        assertInvalidArgument(() -> store.forget(null), "campaign");
        // nothing was taken by the refused calls
        assertThat(store.tryAcquire(limits, 5, at(0))).isEqualTo(1);
    }
}
