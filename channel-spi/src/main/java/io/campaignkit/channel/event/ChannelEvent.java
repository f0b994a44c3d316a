package io.campaignkit.channel.event;

import java.time.Instant;

/**
 * One verified, normalized event from a channel. Providers deliver webhooks at least once and in any
 * order, so the engine merges events idempotently using {@link #deduplicationKey()}.
 */
public sealed interface ChannelEvent permits StatusUpdate, InboundMessage, OptOut, OptIn, UnsupportedMessage {

    /**
     * When the event happened, by the provider's clock when the provider says, else when the adapter
     * received it.
     *
     * @return the instant, never null
     */
    Instant timestamp();

    /**
     * A key equal for two deliveries of the same event and different for different events, such as
     * {@code status:wamid.A:DELIVERED} or {@code inbound:wamid.B}.
     *
     * @return the key, never blank
     */
    String deduplicationKey();
}
