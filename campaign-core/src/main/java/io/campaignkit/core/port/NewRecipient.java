package io.campaignkit.core.port;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.hours.RecipientZone;
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
 * @param localZone the {@link RecipientZone#key() key} of the recipient's zone, when its campaign reads
 *     its hours in each recipient's local time: the store keeps it, and {@link RecipientWindows} claims
 *     by it; empty otherwise
 */
public record NewRecipient(
        Contact contact, Instant dueAt, Optional<StatusReason> skipped, int binding, Optional<String> localZone) {

    public NewRecipient {
        Arguments.requireNonNull(contact, "contact");
        Arguments.requireNonNull(dueAt, "dueAt");
        Arguments.requireNonNull(skipped, "skipped");
        Arguments.require(binding >= 0, "binding", "binding must not be negative, was " + binding);
        Arguments.requireNonNull(localZone, "localZone");
        localZone.ifPresent(key -> Arguments.require(
                !key.isBlank() && key.length() <= RecipientZone.MAX_KEY_LENGTH,
                "localZone",
                "localZone must be a zone key of 1 to " + RecipientZone.MAX_KEY_LENGTH + " characters"));
    }

    /** A recipient on the campaign's first channel binding, in {@code localZone} if present. */
    public NewRecipient(Contact contact, Instant dueAt, Optional<StatusReason> skipped, Optional<String> localZone) {
        this(contact, dueAt, skipped, 0, localZone);
    }

    /** A recipient on binding {@code binding}, without a local zone. */
    public NewRecipient(Contact contact, Instant dueAt, Optional<StatusReason> skipped, int binding) {
        this(contact, dueAt, skipped, binding, Optional.empty());
    }

    /** A recipient on the campaign's first channel binding, without a local zone. */
    public NewRecipient(Contact contact, Instant dueAt, Optional<StatusReason> skipped) {
        this(contact, dueAt, skipped, 0, Optional.empty());
    }

    /** A copy to be sent on binding {@code index}. */
    public NewRecipient onBinding(int index) {
        return new NewRecipient(contact, dueAt, skipped, index, localZone);
    }

    public static NewRecipient pending(Contact contact, Instant dueAt) {
        return new NewRecipient(contact, dueAt, Optional.empty());
    }

    /** PENDING from {@code dueAt}, in {@code zone}: claimed only while its local window is open. */
    public static NewRecipient pendingIn(Contact contact, Instant dueAt, RecipientZone zone) {
        return new NewRecipient(
                contact,
                dueAt,
                Optional.empty(),
                Optional.of(Arguments.requireNonNull(zone, "zone").key()));
    }

    public static NewRecipient skipped(Contact contact, Instant at, StatusReason reason) {
        return new NewRecipient(contact, at, Optional.of(Arguments.requireNonNull(reason, "reason")));
    }
}
