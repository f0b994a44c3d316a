/**
 * Campaigns: their configuration, lifecycle ({@link io.campaignkit.core.campaign.Campaign}, every
 * action returning a new version or refusing), validation and delivery plan.
 */
@NullMarked
package io.campaignkit.core.campaign;

import org.jspecify.annotations.NullMarked;
