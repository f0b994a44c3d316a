package io.campaignkit.testkit.store;

import io.campaignkit.core.port.CampaignStorage;
import org.junit.jupiter.api.Nested;

/**
 * Every port's contract kit for one {@link CampaignStorage}, as {@code @Nested} groups: the
 * convenience kit for a store that implements all the ports (as the in-memory and JDBC stores do).
 * Extend it in your store's tests and return a new, empty storage from {@link #storage()}:
 *
 * <pre>{@code
 * class JdbcStorageContractTest extends StorageContractKit {
 *     private final JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(freshH2()).build();
 *
 *     @Override protected CampaignStorage storage() { return store.storage(); }
 * }
 * }</pre>
 *
 * <p>JUnit makes a new instance of the test class for each check, also for the checks in the nested
 * groups, so a field initializer gives every check a fresh store; close it in an {@code @AfterEach}
 * of your own if it holds resources. The hooks of {@link StoreContractSupport} you override here
 * ({@link #startTime()}, {@link #concurrentClaimers()}, {@link #concurrencyTimeout()},
 * {@link #readyCampaign}, {@link #contact(int)}) apply to every port's kit. Argument checks are not
 * part of any kit: the engine checks arguments before they reach a store. The pacing store has its
 * own kit, {@code PacingStoreContractKit}.
 */
public abstract class StorageContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected StorageContractKit() {}

    /** {@link CampaignStoreContractKit} on this storage. */
    @Nested
    public class Campaigns extends CampaignStoreContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Campaigns() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientStoreContractKit} on this storage. */
    @Nested
    public class Recipients extends RecipientStoreContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Recipients() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientOutcomeQueryContractKit} on this storage. */
    @Nested
    public class RecipientsByOutcome extends RecipientOutcomeQueryContractKit {
        /** Runs the group with the outer kit's hooks. */
        public RecipientsByOutcome() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientFallbackContractKit} on this storage. */
    @Nested
    public class Fallbacks extends RecipientFallbackContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Fallbacks() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientLeaseContractKit} on this storage. */
    @Nested
    public class Leases extends RecipientLeaseContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Leases() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientStatusMergeContractKit} on this storage. */
    @Nested
    public class StatusMerges extends RecipientStatusMergeContractKit {
        /** Runs the group with the outer kit's hooks. */
        public StatusMerges() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientConcurrencyContractKit} on this storage. */
    @Nested
    public class Concurrency extends RecipientConcurrencyContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Concurrency() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link EngagementStoreContractKit} on this storage. */
    @Nested
    public class EngagementsAndSuppressions extends EngagementStoreContractKit {
        /** Runs the group with the outer kit's hooks. */
        public EngagementsAndSuppressions() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link ConversationStoreContractKit} on this storage. */
    @Nested
    public class ConversationsAndTracking extends ConversationStoreContractKit {
        /** Runs the group with the outer kit's hooks. */
        public ConversationsAndTracking() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link InboundQueueContractKit} on this storage. */
    @Nested
    public class InboundQueues extends InboundQueueContractKit {
        /** Runs the group with the outer kit's hooks. */
        public InboundQueues() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link CampaignListingContractKit} on this storage. */
    @Nested
    public class Listings extends CampaignListingContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Listings() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link SuppressionRecordsContractKit} on this storage; skipped when its suppression list keeps no records. */
    @Nested
    public class SuppressionRecordsChecks extends SuppressionRecordsContractKit {
        /** Runs the group with the outer kit's hooks. */
        public SuppressionRecordsChecks() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link RecipientWindowsContractKit} on this storage. */
    @Nested
    public class Windows extends RecipientWindowsContractKit {
        /** Runs the group with the outer kit's hooks. */
        public Windows() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }

    /** {@link BusyWaitsContractKit} on this storage. */
    @Nested
    public class BusyWaitsChecks extends BusyWaitsContractKit {
        /** Runs the group with the outer kit's hooks. */
        public BusyWaitsChecks() {
            super(StorageContractKit.this);
        }

        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }
    }
}
