/**
 * Testing channel adapters: {@link io.campaignkit.testkit.channel.ChannelAdapterContractKit}, the
 * JUnit 5 contract every channel adapter passes, and the {@link io.campaignkit.testkit.channel.ScriptedProvider}
 * an adapter's fake provider implements for it. The simulated channel lives in its own module,
 * {@code channel-simulated} ({@link io.campaignkit.channel.simulated.SimulatedChannel}).
 */
@NullMarked
package io.campaignkit.testkit.channel;

import org.jspecify.annotations.NullMarked;
