/**
 * A tiny but complete channel adapter for a fictional SMS provider, "Example SMS": the template a
 * vendor copies. {@link io.campaignkit.testkit.example.ExampleSmsAdapter} sends over
 * {@code java.net.http}, classifies errors, verifies and parses webhooks;
 * {@link io.campaignkit.testkit.example.ExampleSmsProvider} makes it discoverable;
 * {@link io.campaignkit.testkit.example.FakeExampleSmsServer} fakes the provider on loopback; and
 * {@link io.campaignkit.testkit.example.ExampleSmsAdapterContractTest} runs the contract kit.
 */
package io.campaignkit.testkit.example;
