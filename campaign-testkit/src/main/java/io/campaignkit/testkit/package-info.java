/**
 * What host applications and channel vendors use to test against CampaignKit: a manual clock
 * ({@link io.campaignkit.testkit.time.ManualClock}) that also drives the simulated channel of
 * {@code channel-simulated} ({@link io.campaignkit.channel.simulated.SimulatedChannel}) and the contract kit every channel adapter
 * passes ({@link io.campaignkit.testkit.channel.ChannelAdapterContractKit}). Add
 * {@code campaign-testkit} with test scope.
 */
@NullMarked
package io.campaignkit.testkit;

import org.jspecify.annotations.NullMarked;
