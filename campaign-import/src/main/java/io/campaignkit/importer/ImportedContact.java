package io.campaignkit.importer;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.internal.Arguments;

/**
 * A valid row of an audience file: the contact's number in E.164, its typed custom data in
 * schema order, and the row it came from (as a spreadsheet shows it).
 */
public record ImportedContact(int row, PhoneNumber phone, CustomData data) {

    public ImportedContact {
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(data, "data");
    }
}
