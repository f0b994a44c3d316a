/**
 * The contract every {@link io.campaignkit.core.dispatch.pacing.PacingStore} passes:
 * {@link io.campaignkit.testkit.pacing.PacingStoreContractKit}, abstract JUnit 5 checks that a store
 * implementation extends (the window bound, exact refills and next permit instants, agreement with
 * core's token bucket arithmetic, a permit from both buckets or neither, senders shared by their
 * campaigns, holds, forgetting, instants that go back, argument validation, threads of two nodes).
 */
@NullMarked
package io.campaignkit.testkit.pacing;

import org.jspecify.annotations.NullMarked;
