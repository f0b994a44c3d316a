package io.campaignkit.importer.internal;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.importer.ImportError;
import java.util.List;

/**
 * A row after validation: its phone when the phone is valid (even if a field is not, so that
 * later duplicates are still found), its data when every field is valid, its errors, and the
 * warnings that do not make it invalid.
 */
record ValidatedRow(int row, PhoneNumber phone, CustomData data, List<ImportError> errors, List<ImportError> warnings) {

    boolean valid() {
        return errors.isEmpty() && phone != null && data != null;
    }
}
