package io.campaignkit.channel;

/**
 * What an outbound message says: either a pre-approved {@link TemplateContent template} (the only
 * kind WhatsApp allows outside the customer-service window) or free-form {@link TextContent text}.
 */
public sealed interface MessageContent permits TemplateContent, TextContent {
}
