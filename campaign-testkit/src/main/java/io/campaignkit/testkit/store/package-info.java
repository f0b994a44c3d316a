/**
 * The storage port in memory, and the contract every store passes.
 *
 * <ul>
 *   <li>{@link io.campaignkit.testkit.store.InMemoryCampaignStore}: every part of
 *       {@link io.campaignkit.core.port.CampaignStore} in memory, thread-safe and indexed, for tests,
 *       demos and benchmarks (a million recipients claim and merge in constant time each);</li>
 *   <li>{@link io.campaignkit.testkit.store.CampaignStoreContractKit}: the abstract JUnit 5 checks a
 *       store implementation extends and passes (versioning, leased claims under concurrency,
 *       recovery of expired leases, monotonic merges, exclusivity, suppression, conversations,
 *       queued inbound messages, tracking, argument validation).</li>
 * </ul>
 */
package io.campaignkit.testkit.store;
