/**
 * Host integration tests of the campaign engine: {@link io.campaignkit.testkit.engine.CampaignScenario}
 * wires the engine with a manual clock, the simulated channel, the in-memory store and recording
 * bots and listener, and drives time from one due instant to the next.
 */
@NullMarked
package io.campaignkit.testkit.engine;

import org.jspecify.annotations.NullMarked;
