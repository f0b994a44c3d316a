package io.campaignkit.core.template;

/**
 * What a campaign's first message is made from: a {@link ChannelTemplate} approved at the
 * provider (WhatsApp requires one to start a conversation), or an {@link InlineTemplate} whose
 * text CampaignKit renders itself (SMS). Both have numbered placeholders {@code {{1}}..{{n}}}.
 */
public sealed interface MessageTemplate permits ChannelTemplate, InlineTemplate {

    /** n, the number of placeholders {@code {{1}}..{{n}}} that need a binding. */
    int placeholderCount();
}
