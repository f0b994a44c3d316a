package io.campaignkit.cli.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
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
 */
final class FileAudienceSource implements AudienceSource {

    /** The code of a list that cannot be read at the start; the campaign is unscheduled with it. */
    static final String UNREADABLE_LIST = "UNREADABLE_LIST";

    @Override
    public Iterable<Contact> importedList(Campaign campaign, AudienceReference.ImportedList list) {
        Path file = Path.of(list.listId());
        if (!file.isAbsolute() || !Files.isReadable(file)) {
            throw new CampaignKitException(UNREADABLE_LIST, "the contact file '" + list.listId() + "' of campaign "
                    + campaign.id() + " cannot be read from this process");
        }
        CustomDataSchema schema = campaign.configuration().schema();
        ImportResult result;
        try {
            result = AudienceFiles.importFile(AudienceFiles.importer(schema, AudienceOptions.defaults(),
                    ImportPolicy.LENIENT), file);
        } catch (CliException unreadable) {
            throw new CampaignKitException(UNREADABLE_LIST, unreadable.getMessage(), unreadable);
        }
        List<Contact> contacts = result.contacts().stream()
                .map(imported -> CampaignRun.contact(imported, schema.fields(), List.of())).toList();
        return contacts;
    }
}
