/**
 * The engine's common exceptions: {@link io.campaignkit.core.CampaignKitException} and
 * {@link io.campaignkit.core.InvalidArgumentException}, which names the argument it refuses.
 */
@NullMarked
package io.campaignkit.core;

import org.jspecify.annotations.NullMarked;
