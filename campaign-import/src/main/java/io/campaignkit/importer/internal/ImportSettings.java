package io.campaignkit.importer.internal;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.importer.ImportLimits;
import io.campaignkit.importer.ImportPolicy;

/** Everything one import needs to know, as the public builder validated it. */
public record ImportSettings(CustomDataSchema schema, String defaultRegion, ImportPolicy policy, int maxErrors,
        String sheetName, ImportLimits limits, int parallelism) {}
