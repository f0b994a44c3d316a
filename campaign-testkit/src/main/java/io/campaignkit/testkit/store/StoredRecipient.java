package io.campaignkit.testkit.store;

import io.campaignkit.core.contact.Contact;

/**
 * One recipient of one campaign, kept small: a million of them must fit a modest heap. Guarded
 * by its {@link RecipientBook}'s lock.
 */
final class StoredRecipient {

    final Contact contact;
    /** Position in the campaign, in the order recipients were added: claims hand them out in it. */
    final long sequence;
    /** The batch whose lease holds the recipient, or null when it is free or no longer pending. */
    LeaseBatch heldBy;
    boolean pending = true;

    StoredRecipient(Contact contact, long sequence) {
        this.contact = contact;
        this.sequence = sequence;
    }

    boolean isClaimableAt(long nowNanos) {
        return pending && (heldBy == null || !heldBy.isLiveAt(nowNanos));
    }
}
