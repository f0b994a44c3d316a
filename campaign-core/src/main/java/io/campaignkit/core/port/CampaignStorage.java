package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.internal.Arguments;

/**
 * Everything the engine keeps, as one value the engine builder takes in one call
 * ({@code CampaignEngine.builder().storage(storage)}): one port per aggregate, each documented with
 * its atomicity rules on its own interface. A store vendor implements these seven interfaces and
 * {@link PacingStore}, {@value #ABSTRACT_METHODS} abstract methods in all, and tests each with its
 * contract kit from {@code campaign-testkit}.
 *
 * <ul>
 *   <li>{@link CampaignStore}: campaigns, optimistically versioned;</li>
 *   <li>{@link RecipientStore}: recipients, their leased claims, outcomes and live counts;</li>
 *   <li>{@link ConversationStore} and {@link InboundQueue}: conversations and the inbound messages
 *       queued while hours are closed;</li>
 *   <li>{@link EngagementStore} and {@link SuppressionList}: which campaign a contact is engaged with
 *       per sender, and who is never messaged;</li>
 *   <li>{@link TrackingStore}: handled webhook events, status reports for unknown messages, funnel steps;</li>
 *   <li>{@link PacingStore}: the token buckets that pace sending.</li>
 * </ul>
 *
 * <p><b>Rules and checks live in core, not in stores.</b> What an update does to a recipient and
 * which counters it moves are the pure functions of {@link io.campaignkit.core.port.rules}; the
 * engine checks every argument before it reaches a store (the {@link InvalidArgumentException}
 * naming it), whatever storage it is given. A store only finds, locks and writes.
 */
public record CampaignStorage(
        CampaignStore campaigns,
        RecipientStore recipients,
        ConversationStore conversations,
        InboundQueue inbound,
        EngagementStore engagements,
        SuppressionList suppressions,
        TrackingStore tracking,
        PacingStore pacing) {

    /** How many abstract methods the ports together declare (pacing included): the size of a store. */
    public static final int ABSTRACT_METHODS = 35;

    /**
     * The {@link io.campaignkit.core.CampaignKitException#code() code} of the exception a store throws
     * when its database fails (unreachable, no connection free): the engine stops its run at such a
     * failure, and {@link io.campaignkit.core.engine.CampaignRunner} retries with a backoff.
     */
    public static final String STORE_FAILURE = "STORE_FAILURE";

    public CampaignStorage {
        Arguments.requireNonNull(campaigns, "campaigns");
        Arguments.requireNonNull(recipients, "recipients");
        Arguments.requireNonNull(conversations, "conversations");
        Arguments.requireNonNull(inbound, "inbound");
        Arguments.requireNonNull(engagements, "engagements");
        Arguments.requireNonNull(suppressions, "suppressions");
        Arguments.requireNonNull(tracking, "tracking");
        Arguments.requireNonNull(pacing, "pacing");
    }

    /**
     * The storage of one object that implements every port but pacing (as the in-memory and JDBC
     * stores do), with {@code pacing}.
     */
    public static <
                    S extends
                            CampaignStore & RecipientStore & ConversationStore & InboundQueue & EngagementStore
                                    & SuppressionList & TrackingStore>
            CampaignStorage of(S store, PacingStore pacing) {
        Arguments.requireNonNull(store, "store");
        return new CampaignStorage(store, store, store, store, store, store, store, pacing);
    }

    /** {@link #of(CampaignStore, PacingStore)} with pacing kept in this process ({@link PacingStore#inProcess()}). */
    public static <
                    S extends
                            CampaignStore & RecipientStore & ConversationStore & InboundQueue & EngagementStore
                                    & SuppressionList & TrackingStore>
            CampaignStorage of(S store) {
        return of(store, PacingStore.inProcess());
    }

    /** This storage with another pacing store. */
    public CampaignStorage withPacing(PacingStore pacing) {
        return new CampaignStorage(
                campaigns, recipients, conversations, inbound, engagements, suppressions, tracking, pacing);
    }
}
