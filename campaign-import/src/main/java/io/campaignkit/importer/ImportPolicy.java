package io.campaignkit.importer;

/** What an import does with a file that has some invalid rows. */
public enum ImportPolicy {
    /**
     * Any invalid row refuses the whole file: SmartChat's rule that every contact must have a
     * value for each field. Every problem is still reported, so the operator fixes them at once.
     */
    STRICT,
    /** The valid rows are kept and the invalid ones reported. */
    LENIENT
}
