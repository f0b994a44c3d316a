package io.campaignkit.importer.internal;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.importer.ImportLimits;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.NotMobilePolicy;
import java.nio.charset.Charset;

/**
 * Everything one import needs to know, as the public builder validated it.
 *
 * @param contactColumn the header of the phone column, wherever it stands; null: the first column, {@code CONTACT}
 * @param encoding the encoding of a text file, as the host gave it; null: detected
 * @param zoneField the custom-data field whose values are time-zone ids (local hours); null: none
 */
public record ImportSettings(
        CustomDataSchema schema,
        String defaultRegion,
        ImportPolicy policy,
        int maxErrors,
        String sheetName,
        ImportLimits limits,
        int parallelism,
        String contactColumn,
        NotMobilePolicy notMobile,
        Charset encoding,
        String zoneField) {}
