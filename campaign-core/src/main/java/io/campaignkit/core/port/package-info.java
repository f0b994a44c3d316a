/**
 * The ports of campaign-core: what the engine needs from the world, as interfaces that hosts or
 * other CampaignKit modules implement.
 *
 * <ul>
 *   <li>{@link io.campaignkit.core.port.CampaignStorage}: everything the engine keeps, one small port
 *       per aggregate ({@link io.campaignkit.core.port.CampaignStore},
 *       {@link io.campaignkit.core.port.RecipientStore}, {@link io.campaignkit.core.port.ConversationStore},
 *       {@link io.campaignkit.core.port.InboundQueue}, {@link io.campaignkit.core.port.EngagementStore},
 *       {@link io.campaignkit.core.port.SuppressionList}, {@link io.campaignkit.core.port.TrackingStore}
 *       and the pacing store), the rules every store applies being the pure functions of
 *       {@link io.campaignkit.core.port.rules};</li>
 *   <li>{@link io.campaignkit.core.port.ContactDirectory}: the host's contacts, looked up by tags
 *       and valued tags, page by page;</li>
 *   <li>{@link io.campaignkit.core.port.BotFlow} (found through a
 *       {@link io.campaignkit.core.port.BotFlowRegistry}): answers a conversation's inbound
 *       messages through a {@link io.campaignkit.core.port.BotReply};</li>
 *   <li>{@link io.campaignkit.core.port.CampaignListener}: lifecycle and per-recipient events;</li>
 *   <li>time: a {@link java.time.Clock}. Nothing in campaign-core reads the system clock
 *       ({@code System.currentTimeMillis()}, {@code Instant.now()}) or sleeps; domain actions take
 *       {@code now} as an argument and the engine takes it from its injected clock, so the testkit
 *       can run a week of campaign in milliseconds.</li>
 * </ul>
 * Implementations must be thread-safe: the engine calls them from several threads, and stores from
 * several processes.
 */
@NullMarked
package io.campaignkit.core.port;

import org.jspecify.annotations.NullMarked;
