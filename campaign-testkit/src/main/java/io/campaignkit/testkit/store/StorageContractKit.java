package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.CampaignStorage;
import java.time.Duration;
import java.time.Instant;
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
    protected StorageContractKit() {
    }

    /** {@link CampaignStoreContractKit} on this storage. */
    @Nested
    public class Campaigns extends CampaignStoreContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link RecipientStoreContractKit} on this storage. */
    @Nested
    public class Recipients extends RecipientStoreContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link RecipientLeaseContractKit} on this storage. */
    @Nested
    public class Leases extends RecipientLeaseContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link RecipientStatusMergeContractKit} on this storage. */
    @Nested
    public class StatusMerges extends RecipientStatusMergeContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link RecipientConcurrencyContractKit} on this storage. */
    @Nested
    public class Concurrency extends RecipientConcurrencyContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link EngagementStoreContractKit} on this storage. */
    @Nested
    public class EngagementsAndSuppressions extends EngagementStoreContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link ConversationStoreContractKit} on this storage. */
    @Nested
    public class ConversationsAndTracking extends ConversationStoreContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }

    /** {@link RecipientWindowsContractKit} on this storage. */
    @Nested
    public class Windows extends RecipientWindowsContractKit {
        @Override
        protected CampaignStorage storage() {
            return StorageContractKit.this.storage();
        }

        @Override
        protected Instant startTime() {
            return StorageContractKit.this.startTime();
        }

        @Override
        protected int concurrentClaimers() {
            return StorageContractKit.this.concurrentClaimers();
        }

        @Override
        protected Duration concurrencyTimeout() {
            return StorageContractKit.this.concurrencyTimeout();
        }

        @Override
        protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
            return StorageContractKit.this.readyCampaign(id, tenantId, projectId, binding);
        }

        @Override
        protected Contact contact(int index) {
            return StorageContractKit.this.contact(index);
        }
    }
}
