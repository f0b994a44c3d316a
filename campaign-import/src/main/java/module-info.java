/**
 * Audience import: CSV and spreadsheet files (XLSX, XLS) to validated, normalized contacts.
 * {@code io.campaignkit.importer.internal} is not exported.
 */
module io.campaignkit.importer {
    // @NullMarked and @Nullable: read by the compiler and NullAway, not needed at run time
    requires static org.jspecify;
    // ImportedContact and the importer's results carry core's PhoneNumber and contact types
    requires transitive io.campaignkit.core;
    requires org.apache.poi.poi;
    requires org.apache.poi.ooxml;
    // the streaming XLSX reader parses the sheet XML with SAX
    requires java.xml;

    exports io.campaignkit.importer;
}
