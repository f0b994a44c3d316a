/**
 * The normalized events an adapter extracts from a verified webhook: delivery status updates,
 * inbound messages, opt-outs and opt-ins, and messages of a type the adapter does not understand.
 */
@NullMarked
package io.campaignkit.channel.event;

import org.jspecify.annotations.NullMarked;
