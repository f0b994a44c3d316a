package io.campaignkit.core.port;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * A recipient to add at launch: PENDING from {@code dueAt}, or SKIPPED at once with the reason.
 *
 * @param contact the contact (its phone is the key)
 * @param dueAt when it may first be claimed
 * @param skipped the reason it will never be sent, when the launch already knows one
 * @param binding the campaign's channel binding it is to be sent on (the first that can reach it)
 */
public record NewRecipient(Contact contact, Instant dueAt, Optional<StatusReason> skipped, int binding) {

    public NewRecipient {
        Arguments.requireNonNull(contact, "contact");
        Arguments.requireNonNull(dueAt, "dueAt");
        Arguments.requireNonNull(skipped, "skipped");
        Arguments.require(binding >= 0, "binding", "binding must not be negative, was " + binding);
    }

    /** A recipient on the campaign's first channel binding. */
    public NewRecipient(Contact contact, Instant dueAt, Optional<StatusReason> skipped) {
        this(contact, dueAt, skipped, 0);
    }

    /** A copy to be sent on binding {@code index}. */
    public NewRecipient onBinding(int index) {
        return new NewRecipient(contact, dueAt, skipped, index);
    }

    public static NewRecipient pending(Contact contact, Instant dueAt) {
        return new NewRecipient(contact, dueAt, Optional.empty());
    }

    public static NewRecipient skipped(Contact contact, Instant at, StatusReason reason) {
        return new NewRecipient(contact, at, Optional.of(Arguments.requireNonNull(reason, "reason")));
    }
}
