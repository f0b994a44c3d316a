package io.campaignkit.core.campaign;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.template.TemplateMessage;
import java.util.Optional;

/**
 * One of a campaign's channels, in its order: the sender it sends from and the message it sends
 * there (a WhatsApp template, or an inline text for SMS, with the same numbered bindings), optionally
 * only for contacts that meet a condition. Each contact is sent the message of the first binding that
 * can reach it ({@link #reaches}); a later one is its fallback (see
 * {@link CampaignConfiguration#channels()}).
 *
 * @param sender the channel and sender
 * @param message the message sent on it
 * @param onlyFor the contacts it may reach; empty for every contact
 */
public record ChannelBinding(SenderKey sender, TemplateMessage message, Optional<ContactCondition> onlyFor) {

    public ChannelBinding {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(message, "message");
        Arguments.requireNonNull(onlyFor, "onlyFor");
    }

    /** A binding that may reach every contact. */
    public static ChannelBinding of(SenderKey sender, TemplateMessage message) {
        return new ChannelBinding(sender, message, Optional.empty());
    }

    /** A copy limited to the contacts that meet {@code condition}. */
    public ChannelBinding onlyFor(ContactCondition condition) {
        return new ChannelBinding(sender, message, Optional.of(Arguments.requireNonNull(condition, "condition")));
    }

    /** Whether this binding may be used for {@code contact}. */
    public boolean reaches(Contact contact) {
        return onlyFor.map(condition -> condition.matches(contact)).orElse(true);
    }
}
