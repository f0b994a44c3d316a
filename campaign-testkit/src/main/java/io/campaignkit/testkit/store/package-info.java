/**
 * The storage ports in memory, and the contract kits every store passes.
 *
 * <ul>
 *   <li>{@link io.campaignkit.testkit.store.InMemoryCampaignStore}: every storage port but pacing in
 *       memory, thread-safe and indexed, for tests, demos and benchmarks (a million recipients claim
 *       and merge in constant time each); {@code storage()} gives it as a
 *       {@link io.campaignkit.core.port.CampaignStorage};</li>
 *   <li>one abstract JUnit 5 kit per port, flat (each extends only the helpers of
 *       {@link io.campaignkit.testkit.store.StoreContractSupport}), with {@code @Nested} groups by rule:
 *       {@link io.campaignkit.testkit.store.CampaignStoreContractKit} (versioning, paging),
 *       {@link io.campaignkit.testkit.store.RecipientStoreContractKit} (claims, updates, counts) with
 *       {@link io.campaignkit.testkit.store.RecipientLeaseContractKit},
 *       {@link io.campaignkit.testkit.store.RecipientFallbackContractKit} (channel bindings, fallbacks),
 *       {@link io.campaignkit.testkit.store.RecipientStatusMergeContractKit} and
 *       {@link io.campaignkit.testkit.store.RecipientConcurrencyContractKit},
 *       {@link io.campaignkit.testkit.store.EngagementStoreContractKit} (exclusivity, suppression),
 *       {@link io.campaignkit.testkit.store.ConversationStoreContractKit} (conversations, queued
 *       inbound messages, tracking); and {@link io.campaignkit.testkit.store.StorageContractKit},
 *       which runs them all on one storage.</li>
 * </ul>
 * Argument checks are not in the kits: the engine checks every argument before it reaches a store.
 */
@NullMarked
package io.campaignkit.testkit.store;

import org.jspecify.annotations.NullMarked;
