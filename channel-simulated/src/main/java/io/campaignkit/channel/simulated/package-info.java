/**
 * The simulated channel: {@link io.campaignkit.channel.simulated.SimulatedChannel}, an adapter whose
 * sends get scripted or seeded {@link io.campaignkit.channel.simulated.Outcome}s and whose statuses and
 * replies travel a signed webhook path, discovered by {@link java.util.ServiceLoader} under the id
 * {@code simulated}. Its time follows a {@link java.time.Clock}; a
 * {@link io.campaignkit.channel.simulated.TimeControl} clock (the testkit's {@code ManualClock}) lets a
 * test drive it without sleeping.
 */
@NullMarked
package io.campaignkit.channel.simulated;

import org.jspecify.annotations.NullMarked;
