/** Implementation helpers of the channel SPI. Not an API: may change in any release. */
package io.campaignkit.channel.internal;
