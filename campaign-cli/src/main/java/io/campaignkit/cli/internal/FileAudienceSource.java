package io.campaignkit.cli.internal;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.port.AudienceSource;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The program's {@link AudienceSource}: a scheduled campaign's list is the contact file its
 * {@code run --start-at} named (by absolute path), read again at the start with the campaign's
 * custom-data fields and the default reading options; invalid rows are left out (as {@code --lenient}).
 * A file this process cannot read refuses the launch: the campaign is unscheduled with the reason.
 */
final class FileAudienceSource implements AudienceSource {

    @Override
    public Iterable<Contact> importedList(Campaign campaign, AudienceReference.ImportedList list) {
        Path file = Path.of(list.listId());
        if (!file.isAbsolute() || !Files.isReadable(file)) {
            throw unreadable(campaign, "the contact file '" + list.listId() + "' cannot be read from this process");
        }
        CustomDataSchema schema = campaign.configuration().schema();
        ImportResult result;
        try {
            result = AudienceFiles.importFile(
                    AudienceFiles.importer(schema, AudienceOptions.defaults(), ImportPolicy.LENIENT), file);
        } catch (CliException unreadable) {
            throw unreadable(campaign, unreadable.getMessage());
        }
        List<Contact> contacts = result.contacts().stream()
                .map(imported -> RunContacts.contact(imported, schema.fields(), List.of()))
                .toList();
        return contacts;
    }

    /** A list that cannot be read refuses the launch (the campaign is unscheduled with the message), as a missing audience. */
    private static IncompleteAudienceException unreadable(Campaign campaign, String message) {
        return new IncompleteAudienceException(
                IncompleteAudienceException.NO_AUDIENCE,
                campaign.id(),
                List.of(new IncompleteAudienceException.Problem("-", message)),
                1);
    }
}
