package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;

/**
 * What a campaign will send, shown to its channel before the launch engages anyone, so that
 * {@link ChannelAdapter#preflight} can refuse what the provider would refuse at the first send (a
 * sender id of the wrong form, a template name the provider cannot have, an inline text where the
 * provider takes only templates). The values that differ per contact are not known yet: each
 * appears as its placeholder, {@code {{1}}}, {@code {{2}}}…, in a {@link TemplateContent}'s body
 * parameters or in a {@link TextContent}'s body.
 *
 * @param senderId the sender the campaign sends from, as its configuration names it
 * @param message  the campaign's message with placeholders for the contacts' values
 */
public record MessagePlan(String senderId, MessageContent message) {

    /**
     * Validates.
     *
     * @param senderId see {@link #senderId()}
     * @param message see {@link #message()}
     * @throws IllegalArgumentException when an argument is null or the sender blank
     */
    public MessagePlan {
        Checks.notBlank(senderId, "senderId");
        Checks.notNull(message, "message");
    }
}
