/**
 * The {@code campaignkit} command-line program ({@link io.campaignkit.cli.CampaignKitCli}): the
 * runnable main job of CampaignKit and the reference host application. Its implementation, in
 * {@code io.campaignkit.cli.internal}, shows how a host wires the importer, the engine, a store, the
 * channel adapters and a webhook endpoint together.
 */
package io.campaignkit.cli;
