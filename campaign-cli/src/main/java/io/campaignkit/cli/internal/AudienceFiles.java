package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Opens a contact file for {@code validate} and {@code run}, turning every failure into a {@link CliException}. */
final class AudienceFiles {

    /** File failures that are the caller's to fix in the command line, not in the file. */
    private static final Set<String> USAGE_CODES =
            Set.of(AudienceImportException.UNREADABLE_FILE, AudienceImportException.SHEET_NOT_FOUND);

    private AudienceFiles() {}

    static CustomDataSchema schema(List<FieldDefinition> fields) {
        try {
            return CustomDataSchema.of(fields);
        } catch (InvalidArgumentException invalid) {
            throw CliException.usage("bad --field list: " + invalid.getMessage(), invalid);
        }
    }

    static void requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw CliException.usage("file '" + file + "' does not exist; check the path");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw CliException.usage("'" + file + "' is not a readable file; check the path and its permissions");
        }
    }

    static AudienceImporter importer(CustomDataSchema schema, AudienceOptions options, ImportPolicy policy) {
        return importer(schema, options, policy, Optional.empty());
    }

    /** With local hours from a zone field: its values are checked as time-zone ids. */
    static AudienceImporter importer(
            CustomDataSchema schema, AudienceOptions options, ImportPolicy policy, Optional<String> zoneField) {
        try {
            return AudienceImporter.builder()
                    .schema(schema)
                    .defaultRegion(options.region)
                    .sheet(options.sheet)
                    .contactColumn(options.contactColumn)
                    .notMobile(options.notMobile)
                    .encoding(options.charset())
                    .policy(policy)
                    .zoneField(zoneField.orElse(null))
                    .build();
        } catch (InvalidArgumentException invalid) {
            String option = switch (String.valueOf(invalid.argument())) {
                case "defaultRegion" -> "--region";
                case "contactColumn" -> "--contact-column";
                case "zoneField" -> "--zone-field";
                default -> "--sheet";
            };
            throw CliException.usage("bad " + option + ": " + invalid.getMessage(), invalid);
        }
    }

    /**
     * Imports the file whole.
     *
     * @throws CliException exit 2 when the file cannot be opened or the sheet is missing, exit 1
     *     when the file was opened and is invalid as a whole (empty, too large, not a contact file)
     */
    static ImportResult importFile(AudienceImporter importer, Path file) {
        requireReadable(file);
        try {
            return importer.importFile(file);
        } catch (AudienceImportException failed) {
            throw fileFailure(file, failed);
        } catch (OutOfMemoryError outOfMemory) {
            throw outOfMemory(file, outOfMemory);
        }
    }

    /** Imports the file streamed, keeping no contact: for reading a file too large to hold. */
    static ImportResult importFileCountingOnly(AudienceImporter importer, Path file) {
        requireReadable(file);
        try {
            return new ImportResult(importer.importFile(file, contact -> {}), java.util.List.of());
        } catch (AudienceImportException failed) {
            throw fileFailure(file, failed);
        } catch (OutOfMemoryError outOfMemory) {
            throw outOfMemory(file, outOfMemory);
        }
    }

    /**
     * Memory ran out all the same (a file far larger than the import's bounds, or a small
     * {@code -Xmx}): one line that says so and how much to give, exit 2, never a stack trace.
     */
    static CliException outOfMemory(Path file, OutOfMemoryError outOfMemory) {
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        long suggestedMiB = Long.highestOneBit(Math.max(256, maxMiB * 2 - 1)) << 1;
        String flag = "-Xmx" + (suggestedMiB % 1024 == 0 ? suggestedMiB / 1024 + "g" : suggestedMiB + "m");
        return new CliException(
                CampaignKitCli.EXIT_USAGE,
                "'" + file + "': the import ran out of memory (Java may use"
                        + " at most " + maxMiB + " MiB here): give it more, e.g. java " + flag
                        + " -jar campaignkit.jar …, or"
                        + " JAVA_TOOL_OPTIONS=" + flag,
                outOfMemory);
    }

    static CliException fileFailure(Path file, AudienceImportException failed) {
        int exitCode = USAGE_CODES.contains(failed.code()) ? CampaignKitCli.EXIT_USAGE : CampaignKitCli.EXIT_INVALID;
        return new CliException(exitCode, "'" + file + "': " + failed.code() + ": " + failed.getMessage(), failed);
    }
}
