/**
 * The Twilio adapter's signatures, payload parsing and error mapping; not exported.
 */
@NullMarked
package io.campaignkit.channel.twilio.internal;

import org.jspecify.annotations.NullMarked;
