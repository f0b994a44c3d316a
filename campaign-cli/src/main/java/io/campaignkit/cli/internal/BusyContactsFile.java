package io.campaignkit.cli.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.ContactAvailability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --busy-contacts FILE}: the engine's {@link ContactAvailability} read from a text file of
 * phone numbers, one a line (blank lines and lines starting with {@code #} are ignored; numbers
 * without their country code take {@code --region}). Every number in the file is busy for every
 * sender of the run.
 *
 * <p>The file is read again when its modification time or size changes, at the engine's next check
 * (once per batch, and again at each recheck of a contact waited for): the host's own process can
 * take a contact off it when its case closes, and a campaign with {@code --busy-wait} then sends to
 * it. A bad line names the file and the line: at start it stops the command (exit 2) before anything
 * is stored; while a campaign runs it fails that check, so the batch is not sent and is checked again
 * later (nobody is sent while the file cannot be read).
 */
final class BusyContactsFile implements ContactAvailability {

    private final Path file;
    private final String region;
    private Object version;
    private Set<PhoneNumber> busy;

    private BusyContactsFile(Path file, String region) {
        this.file = file;
        this.region = region;
    }

    /**
     * Reads {@code file} now.
     *
     * @param region the region of numbers written without their country code, or null
     * @throws CliException (usage) when the file cannot be read or has a bad line
     */
    static BusyContactsFile read(Path file, String region) {
        BusyContactsFile busyContacts = new BusyContactsFile(file, region);
        try {
            busyContacts.current();
        } catch (IllegalArgumentException | UncheckedIOException bad) {
            throw CliException.usage("bad --busy-contacts: " + bad.getMessage(), bad);
        }
        return busyContacts;
    }

    @Override
    public synchronized Set<PhoneNumber> busyAmong(String tenantId, SenderKey sender, List<PhoneNumber> phones) {
        Set<PhoneNumber> current = current();
        Set<PhoneNumber> answer = new HashSet<>();
        for (PhoneNumber phone : phones) {
            if (current.contains(phone)) {
                answer.add(phone);
            }
        }
        return answer;
    }

    /** The numbers in the file as it is now, read again only when it changed. */
    private synchronized Set<PhoneNumber> current() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read '" + file + "': " + unreadable.getMessage(), unreadable);
        }
        List<Object> seen = List.of(attributes.lastModifiedTime(), attributes.size());
        if (busy == null || !seen.equals(version)) {
            busy = parse();
            version = seen;
        }
        return busy;
    }

    private Set<PhoneNumber> parse() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(
                    "cannot read '" + file + "' as UTF-8 text: " + unreadable.getMessage(), unreadable);
        }
        Set<PhoneNumber> numbers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = (i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i)).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                numbers.add(PhoneNumber.parse(line, region));
            } catch (CampaignKitException bad) {
                throw new IllegalArgumentException(
                        "'" + file + "' line " + (i + 1) + ": '" + line + "' is not a phone number: "
                                + bad.getMessage(),
                        bad);
            }
        }
        return Set.copyOf(numbers);
    }

    @Override
    public String toString() {
        return "busy contacts of '" + file + "'";
    }
}
