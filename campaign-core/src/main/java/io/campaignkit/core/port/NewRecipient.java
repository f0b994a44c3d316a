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
 */
public record NewRecipient(Contact contact, Instant dueAt, Optional<StatusReason> skipped) {

    public NewRecipient {
        Arguments.requireNonNull(contact, "contact");
        Arguments.requireNonNull(dueAt, "dueAt");
        Arguments.requireNonNull(skipped, "skipped");
    }

    public static NewRecipient pending(Contact contact, Instant dueAt) {
        return new NewRecipient(contact, dueAt, Optional.empty());
    }

    public static NewRecipient skipped(Contact contact, Instant at, StatusReason reason) {
        return new NewRecipient(contact, at, Optional.of(Arguments.requireNonNull(reason, "reason")));
    }
}
