package io.campaignkit.testkit.store;

import io.campaignkit.core.port.CampaignStore;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link CampaignStore} passes: the rules the engine relies on, written as
 * JUnit 5 checks. Extend it in your store's tests and return a new, empty store from
 * {@link #store()}:
 *
 * <pre>{@code
 * class JdbcCampaignStoreContractTest extends CampaignStoreContractKit {
 *     private final JdbcCampaignStore store = JdbcCampaignStore.create(freshH2DataSource());
 *
 *     @Override protected CampaignStore store() { return store; }
 * }
 * }</pre>
 *
 * <p>JUnit makes a new instance of the test class for each check (also for the checks in the
 * {@link Nested} groups), so a field initializer gives every check a fresh store; close it in an
 * {@code @AfterEach} of your own if it holds resources. The checks are grouped by port, in this
 * class and the classes it extends ({@link CampaignContractChecks}, {@link RecipientContractChecks});
 * every check is a public test method named after the rule it checks, so a report names the rule
 * that broke. Campaigns come from {@link #readyCampaign} and {@link #activeCampaign}, contacts from
 * {@link #contact(int)}: override them if your store needs other data.
 *
 * <p>Time is never read from the system clock: the kit passes instants from {@link #startTime()},
 * as the engine passes its clock's. The concurrency checks start {@link #concurrentClaimers()}
 * threads behind a latch and wait for them at most {@link #concurrencyTimeout()}.
 */
public abstract class CampaignStoreContractKit extends ConversationContractChecks {

    /** For subclasses. */
    protected CampaignStoreContractKit() {
    }
}
