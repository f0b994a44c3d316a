package io.campaignkit.channel;

/**
 * What an outbound message says: a pre-approved {@link TemplateContent template} (the only kind
 * WhatsApp allows outside the customer-service window), free-form {@link TextContent text}, or a
 * {@link MediaContent media message} (an image, video, audio clip or document by link; free-form too).
 */
public sealed interface MessageContent permits TemplateContent, TextContent, MediaContent {}
