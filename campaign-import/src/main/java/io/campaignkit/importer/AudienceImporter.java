package io.campaignkit.importer;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.importer.internal.ImportPipeline;
import io.campaignkit.importer.internal.ImportSettings;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads an audience file (TSV, CSV, XLSX or XLS) and validates every row against a campaign's
 * custom-data schema.
 *
 * <p>The file's first row is its header: {@code CONTACT} (any letter case) first, then one column
 * per schema field, headed by the field's id ({@link Builder#contactColumn(String)} names another
 * phone column, which may then stand anywhere). Each data row holds a phone number, with its
 * country code unless a {@link Builder#defaultRegion(String) default region} is given, and one
 * value per field. Workbooks are read from their first visible sheet unless
 * {@link Builder#sheet(String)} names one; text files in the encoding detected (UTF-8, UTF-16
 * with a byte order mark, Windows-1252, ISO-8859-15) unless {@link Builder#encoding(Charset)}
 * gives it. The report says which sheet and which encoding were read. Every problem is reported with its row (as a
 * spreadsheet shows it, header = row 1), its column and a stable code; see {@link ImportError}.
 *
 * <pre>{@code
 * AudienceImporter importer = AudienceImporter.builder()
 *         .schema(schema)
 *         .policy(ImportPolicy.LENIENT)
 *         .build();
 * ImportResult small = importer.importFile(Path.of("contacts.xlsx"));            // all in memory
 * ImportReport large = importer.importFile(Path.of("big.tsv"), contact -> ...);  // streamed
 * }</pre>
 *
 * <p>Files are streamed: memory stays flat whatever the row count (only the contacts that the
 * in-memory form returns grow). Rows are validated on {@link Builder#parallelism(int)} threads
 * and reported in row order, so results do not depend on scheduling. An importer is immutable
 * and may run several imports at once.
 */
public final class AudienceImporter {

    /** Errors listed in a report by default (all are counted). */
    public static final int DEFAULT_MAX_ERRORS = 1_000;
    /** Policy by default: SmartChat's rule, every row must be valid. */
    public static final ImportPolicy DEFAULT_POLICY = ImportPolicy.STRICT;

    private final ImportSettings settings;

    private AudienceImporter(ImportSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Imports a file whole: every valid contact is returned in memory. For small and medium
     * files; a file of millions of rows is better streamed with {@link #importFile(Path, Consumer)}.
     *
     * @throws AudienceImportException when the file cannot be read to the end (see its codes)
     * @throws InvalidArgumentException when {@code file} is null
     */
    public ImportResult importFile(Path file) {
        List<ImportedContact> contacts = new ArrayList<>();
        ImportReport report = importFile(file, contacts::add);
        return new ImportResult(report, contacts);
    }

    /**
     * Streams a file: each valid contact is handed to {@code onContact} in row order, on the
     * calling thread, as soon as it and every row before it are validated; nothing is retained.
     * Under {@link ImportPolicy#STRICT} a later invalid row still refuses the file: check
     * {@link ImportReport#accepted()} before using what was handed over.
     *
     * @throws AudienceImportException when the file cannot be read to the end (see its codes)
     * @throws InvalidArgumentException when an argument is null
     */
    public ImportReport importFile(Path file, Consumer<? super ImportedContact> onContact) {
        Arguments.requireNonNull(file, "file");
        Arguments.requireNonNull(onContact, "onContact");
        if (!Files.isRegularFile(file)) {
            throw new AudienceImportException(
                    AudienceImportException.UNREADABLE_FILE, "'" + file + "' is not a file that can be read");
        }
        return new ImportPipeline(settings).run(file, onContact);
    }

    /** Builds an {@link AudienceImporter}; every setting has a default. */
    public static final class Builder {
        private CustomDataSchema schema = CustomDataSchema.empty();
        private @Nullable String defaultRegion;
        private ImportPolicy policy = DEFAULT_POLICY;
        private int maxErrors = DEFAULT_MAX_ERRORS;
        private @Nullable String sheetName;
        private ImportLimits limits = ImportLimits.ofDefaults();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private @Nullable String contactColumn;
        private NotMobilePolicy notMobile = NotMobilePolicy.WARN;
        private @Nullable Charset encoding;
        private @Nullable String zoneField;

        private Builder() {}

        /** The campaign's custom-data fields; by default none (a file of {@code CONTACT} only). */
        public Builder schema(CustomDataSchema schema) {
            this.schema = Arguments.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * The region (ISO 3166, e.g. {@code "MX"}) of numbers written without their country
         * code; null (the default) reads such numbers as international, country code first.
         * A number typed as a numeric spreadsheet cell is read exactly as its digits typed as
         * text would be, so the region applies to it too.
         */
        public Builder defaultRegion(String defaultRegion) {
            if (defaultRegion != null) {
                requireKnownRegion(defaultRegion);
            }
            this.defaultRegion = defaultRegion;
            return this;
        }

        public Builder policy(ImportPolicy policy) {
            this.policy = Arguments.requireNonNull(policy, "policy");
            return this;
        }

        /** How many errors a report lists (all are counted); default 1,000. */
        public Builder maxErrors(int maxErrors) {
            Arguments.require(maxErrors >= 0, "maxErrors", "maxErrors must not be negative, was " + maxErrors);
            this.maxErrors = maxErrors;
            return this;
        }

        /** The sheet of a workbook to read, by name (ignoring case); by default the first visible one. */
        public Builder sheet(@Nullable String sheetName) {
            this.sheetName = sheetName == null
                    ? null
                    : Arguments.requireNonBlank(sheetName, "sheetName").strip();
            return this;
        }

        public Builder limits(ImportLimits limits) {
            this.limits = Arguments.requireNonNull(limits, "limits");
            return this;
        }

        /** Shortcut for {@code limits(limits.toBuilder().maxRows(maxRows).build())}. */
        public Builder maxRows(long maxRows) {
            this.limits = limits.toBuilder().maxRows(maxRows).build();
            return this;
        }

        /** Threads that validate rows (the phone check is the costly part); default: one per core. */
        public Builder parallelism(int parallelism) {
            this.parallelism = Arguments.requirePositive(parallelism, "parallelism");
            return this;
        }

        /**
         * The header of the phone column ({@code "TELEFONO"}, any letter case), which may then
         * stand anywhere in the header; null (the default) keeps the rule of the products: the
         * first column, headed {@code CONTACT}.
         */
        public Builder contactColumn(@Nullable String header) {
            this.contactColumn = header == null
                    ? null
                    : Arguments.requireNonBlank(header, "contactColumn").strip();
            return this;
        }

        /** What a fixed-line number does to its row: {@link NotMobilePolicy#WARN} (the default) or refuse it. */
        public Builder notMobile(NotMobilePolicy notMobile) {
            this.notMobile = Arguments.requireNonNull(notMobile, "notMobile");
            return this;
        }

        /**
         * The encoding of TSV and CSV files, for a file whose encoding detection gets wrong; null
         * (the default) detects it. A byte order mark still wins: it says what the file is.
         */
        public Builder encoding(Charset encoding) {
            this.encoding = encoding;
            return this;
        }

        /**
         * The custom-data field that holds each contact's time zone, for a campaign whose hours are read in
         * each recipient's local time ({@code LocalHours.fromField}): a value that is no IANA zone id
         * ({@code America/Mexico_City}, {@code Europe/Madrid}) is the row's error
         * ({@link ImportError#INVALID_TIME_ZONE}, naming its row and column); a blank one leaves the zone to
         * the phone number. The schema must have the field; null (the default) checks no field.
         */
        public Builder zoneField(@Nullable String zoneField) {
            this.zoneField = zoneField == null
                    ? null
                    : Arguments.requireNonBlank(zoneField, "zoneField").strip();
            return this;
        }

        /** @throws InvalidArgumentException when the {@link #zoneField} is not a field of the schema */
        public AudienceImporter build() {
            Arguments.require(
                    zoneField == null || schema.contains(zoneField),
                    "zoneField",
                    "zoneField '" + zoneField + "' is not a field of the schema "
                            + schema.fields().stream().map(f -> f.id()).toList());
            return new AudienceImporter(new ImportSettings(
                    schema,
                    defaultRegion,
                    policy,
                    maxErrors,
                    sheetName,
                    limits,
                    parallelism,
                    contactColumn,
                    notMobile,
                    encoding,
                    zoneField));
        }

        private static void requireKnownRegion(String region) {
            if (!PhoneNumber.isSupportedRegion(region)) {
                throw new InvalidArgumentException(
                        "defaultRegion",
                        "defaultRegion '" + region + "' is not a known ISO 3166 region code (e.g. MX, US, ES)");
            }
        }
    }
}
