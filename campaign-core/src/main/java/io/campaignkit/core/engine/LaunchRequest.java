package io.campaignkit.core.engine;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * How to launch a campaign: the contacts of an imported list (the host read them with
 * {@code campaign-import}), or none for a segment or TEST audience (the engine reads the contact
 * directory); when to start; whether one incomplete contact refuses the launch.
 *
 * <pre>{@code
 * engine.launch(id, LaunchRequest.importedContacts(contacts));                 // now, complete data required
 * engine.launch(id, LaunchRequest.fromDirectory().startAt(mondayNine));        // segment, scheduled
 * }</pre>
 *
 * @param importedContacts the contacts of an imported list; iterated twice (checked, then added)
 * @param startAt a planned start replacing the configuration's, if given
 * @param requireCompleteData whether a contact missing custom data refuses the launch; empty for the
 *     default: yes for imported lists and TEST audiences (the SmartChat rule), no for segments
 */
public record LaunchRequest(
        Optional<Iterable<Contact>> importedContacts,
        Optional<Instant> startAt,
        Optional<Boolean> requireCompleteData) {

    public LaunchRequest {
        Arguments.requireNonNull(importedContacts, "importedContacts");
        Arguments.requireNonNull(startAt, "startAt");
        Arguments.requireNonNull(requireCompleteData, "requireCompleteData");
    }

    /** Launch an imported-list campaign with these contacts. */
    public static LaunchRequest importedContacts(Iterable<Contact> contacts) {
        return new LaunchRequest(
                Optional.of(Arguments.requireNonNull(contacts, "contacts")), Optional.empty(), Optional.empty());
    }

    /**
     * Launch a campaign whose contacts the engine reads itself: a segment or TEST audience from the
     * contact directory, a retargeted one from its source campaign's recipients.
     */
    public static LaunchRequest fromDirectory() {
        return new LaunchRequest(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy that starts sending at {@code instant} (now if it has passed). */
    public LaunchRequest startAt(Instant instant) {
        return new LaunchRequest(
                importedContacts, Optional.of(Arguments.requireNonNull(instant, "instant")), requireCompleteData);
    }

    /** A copy that does (or does not) refuse the launch for one contact missing custom data. */
    public LaunchRequest requireCompleteData(boolean required) {
        return new LaunchRequest(importedContacts, startAt, Optional.of(required));
    }
}
