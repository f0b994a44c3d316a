/**
 * The campaign engine, CampaignKit's entry point: {@link io.campaignkit.core.engine.CampaignEngine}
 * (built with {@link io.campaignkit.core.engine.CampaignEngine#builder()}) launches campaigns, sends
 * their first messages at a controlled pace inside active hours, tracks deliveries, routes replies
 * to the campaign's bot and finishes campaigns; {@link io.campaignkit.core.engine.CampaignRunner}
 * runs it on a scheduler in production.
 *
 * <p>Rules the engine keeps, whatever the interleaving: a recipient is written SENDING before the
 * channel is called (so a crash never causes a silent resend); nothing is sent outside the active
 * hours or after a campaign finished; no one-second window holds more sends than the campaign's
 * rate plus burst, nor than its sender's; a contact is engaged in at most one active campaign per
 * sender (decided by the store); status events merge monotonically; a queued reply reaches the bot
 * once, in order, or, if its campaign finished first, the host's
 * {@link io.campaignkit.core.engine.UnroutedMessageHandler}; nothing is sent to a campaign's audience
 * until all of it is in (a launch interrupted half-way is resumed, never half sent); a finish
 * interrupted by a crash is completed, so no contact stays engaged and no conversation open.
 *
 * <p>Suppression is per sender for channel opt-outs (a STOP to one sender does not silence the
 * others) and per sender or global for the host's own entries
 * ({@link io.campaignkit.core.engine.CampaignEngine#suppress}).
 */
@NullMarked
package io.campaignkit.core.engine;

import org.jspecify.annotations.NullMarked;
