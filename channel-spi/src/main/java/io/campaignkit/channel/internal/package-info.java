/** Implementation helpers of the channel SPI. Not an API: may change in any release. */
@NullMarked
package io.campaignkit.channel.internal;

import org.jspecify.annotations.NullMarked;
