/** The engine's implementation; not API: use {@link io.campaignkit.core.engine.CampaignEngine}. */
package io.campaignkit.core.engine.internal;
