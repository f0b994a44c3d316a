/**
 * The rules every store applies, as pure functions a store vendor calls instead of writing them
 * again: {@link io.campaignkit.core.port.rules.RecipientRules} (what each
 * {@link io.campaignkit.core.port.RecipientUpdate}, claim, recovery and skip does to a recipient: the
 * transitions, the lease guard, the monotonic merge) and
 * {@link io.campaignkit.core.port.rules.RecipientCounting} (which counters a recipient is counted
 * under, and how counters add up to {@link io.campaignkit.core.port.RecipientCounts}). A store only
 * decides how to read, lock and write; the rules are stated here once.
 */
@NullMarked
package io.campaignkit.core.port.rules;

import org.jspecify.annotations.NullMarked;
