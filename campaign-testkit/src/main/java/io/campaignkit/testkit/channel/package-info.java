/**
 * Testing channels: {@link io.campaignkit.testkit.channel.SimulatedChannel}, an adapter with scripted
 * outcomes whose events travel through a signed webhook path, and
 * {@link io.campaignkit.testkit.channel.ChannelAdapterContractKit}, the JUnit 5 contract every
 * channel adapter passes.
 */
package io.campaignkit.testkit.channel;
