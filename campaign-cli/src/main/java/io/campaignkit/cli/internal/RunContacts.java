package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportResult;
import io.campaignkit.importer.ImportedContact;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The contacts of a run's file: read, their problems reported by row and column, made the engine's contacts. */
final class RunContacts {

    /** Import errors printed before "… and N more". */
    static final int MAX_PRINTED_IMPORT_ERRORS = 10;
    /** Field ids whose value becomes the contact's name (for {@code --param N=name}). */
    static final List<String> NAME_FIELDS = List.of("NOMBRE", "NAME");

    private RunContacts() {}

    /** The run's file, read and reported row by row (up to {@value #MAX_PRINTED_IMPORT_ERRORS} errors), as contacts. */
    static List<Contact> read(CliContext context, CampaignRun.Plan plan) {
        AudienceImporter importer = AudienceFiles.importer(
                importSchema(plan),
                plan.audience(),
                plan.lenient() ? ImportPolicy.LENIENT : ImportPolicy.STRICT,
                plan.localHours().flatMap(io.campaignkit.core.hours.LocalHours::zoneField)); // zone ids checked by row
        ImportResult result = AudienceFiles.importFile(importer, plan.contacts());
        if (!result.accepted() || result.invalid() > 0) {
            PrintWriter err = context.err();
            result.errors().stream()
                    .limit(MAX_PRINTED_IMPORT_ERRORS)
                    .forEach(error -> err.printf(
                            "row %d, %s: %s: %s%n", error.row(), error.column(), error.code(), error.message()));
            long more = result.report().errorCount()
                    - Math.min(MAX_PRINTED_IMPORT_ERRORS, result.errors().size());
            if (more > 0) {
                err.printf("… and %d more (campaignkit validate lists them all)%n", more);
            }
        }
        if (!result.accepted()) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "'" + plan.contacts() + "' has " + result.invalid()
                            + " invalid rows" + (result.report().headerValid() ? "" : " and an invalid header")
                            + "; fix them, or pass --lenient to send to the valid rows only");
        }
        if (result.valid() == 0) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID, "'" + plan.contacts() + "' has no valid contact to send to");
        }
        if (result.invalid() > 0) {
            context.err()
                    .printf(
                            "--lenient: %d invalid rows left out, %d contacts kept%n",
                            result.invalid(), result.valid());
        }
        if (result.report().warningCount() > 0) {
            context.err()
                    .printf(
                            "%d fixed-line numbers kept (they cannot receive SMS or WhatsApp; --not-mobile refuse"
                                    + " leaves them out), the first on row %d%n",
                            result.report().warningCount(),
                            result.warnings().isEmpty()
                                    ? 0
                                    : result.warnings().get(0).row());
        }
        return result.contacts().stream()
                .map(imported -> contact(imported, plan.fields(), plan.tags()))
                .toList();
    }

    /** The file's columns to read: the custom-data fields, then each valued tag's column not among them. */
    private static CustomDataSchema importSchema(CampaignRun.Plan plan) {
        List<FieldDefinition> columns = new java.util.ArrayList<>(plan.fields());
        java.util.Set<String> ids = new java.util.HashSet<>();
        plan.fields().forEach(field -> ids.add(field.id()));
        for (TagColumn tag : plan.tags()) {
            if (ids.add(tag.column())) {
                columns.add(tag.field());
            }
        }
        return AudienceFiles.schema(columns);
    }

    /**
     * The contact of an imported row: its name, its valued tags from their columns, and as custom data
     * only the {@code fields}, so a tag's column is not custom data too.
     */
    static Contact contact(ImportedContact imported, List<FieldDefinition> fields, List<TagColumn> tags) {
        Contact.Builder contact = Contact.builder(imported.phone());
        NAME_FIELDS.stream()
                .map(field -> imported.data().normalized(field))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(contact::name);
        for (TagColumn tag : tags) {
            imported.data().normalized(tag.column()).ifPresent(value -> contact.valuedTag(tag.key(), value));
        }
        java.util.Map<String, io.campaignkit.core.data.FieldValue> kept = new java.util.LinkedHashMap<>();
        fields.forEach(field -> imported.data().get(field.id()).ifPresent(value -> kept.put(field.id(), value)));
        return contact.build().withCustomData(io.campaignkit.core.data.CustomData.of(kept));
    }
}
