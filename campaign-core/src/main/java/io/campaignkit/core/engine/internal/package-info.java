/** The engine's implementation; not API: use {@link io.campaignkit.core.engine.CampaignEngine}. */
@NullMarked
package io.campaignkit.core.engine.internal;

import org.jspecify.annotations.NullMarked;
