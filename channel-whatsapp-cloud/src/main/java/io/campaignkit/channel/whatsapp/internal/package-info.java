/**
 * Implementation of the WhatsApp Cloud adapter; not an API. Graph API JSON in and out, the
 * error-code classification table, webhook signature and payload parsing, and the asynchronous HTTP
 * client with its in-flight bound.
 */
package io.campaignkit.channel.whatsapp.internal;
