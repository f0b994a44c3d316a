package io.campaignkit.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportError;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportResult;
import io.campaignkit.importer.ImportedContact;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code campaignkit validate FILE --field ID:TYPE … [--region CC] [--sheet NAME] [--json]}:
 * checks every row of a contact file and lists every problem. Exit 0 when every row is valid, 1
 * when the file or a row is invalid, 2 when the file cannot be opened or the usage is wrong.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Validate a contact file (TSV, CSV, XLSX, XLS) against the custom-data fields given.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every row is valid",
            "1:the file or a row is invalid",
            "2:usage error or a file that cannot be opened"
        })
public final class ValidateCommand implements Callable<Integer> {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final CliContext context;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The contact file: CONTACT column first, then one column per field.")
    Path file;

    @Option(
            names = "--field",
            paramLabel = "ID:TYPE",
            converter = FieldDefinitionConverter.class,
            description = "A custom-data field the file must have (TYPE: TEXT, NUMBER or DATE); repeat for each.")
    List<FieldDefinition> fields = new ArrayList<>();

    @Mixin
    AudienceOptions audience = AudienceOptions.defaults();

    @Option(
            names = "--json",
            description = "Print exactly one JSON object on stdout, whatever the exit code: a file or a command line "
                    + "that cannot be read gives one error with its code and message.")
    boolean json;

    public ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return validate();
        } catch (RuntimeException failed) {
            // --json promises one object on stdout whatever happens; the error handler still prints
            // its line on stderr and picks the exit code
            if (json) {
                writeJson(FailedFile.of(failed));
            }
            throw failed;
        }
    }

    private Integer validate() {
        // Lenient so that the valid contacts are listed too; the exit code applies the strict rule.
        var importer = AudienceFiles.importer(AudienceFiles.schema(fields), audience, ImportPolicy.LENIENT);
        ImportResult result;
        try {
            // the text form lists no contact: stream the file so memory stays flat however long it is
            result = json
                    ? AudienceFiles.importFile(importer, file)
                    : AudienceFiles.importFileCountingOnly(importer, file);
        } catch (CliException failed) {
            if (json
                    && failed.getCause() instanceof AudienceImportException importFailure
                    && failed.exitCode() == CampaignKitCli.EXIT_INVALID) {
                writeJson(failedFile(importFailure));
                return failed.exitCode();
            }
            throw failed;
        }
        if (json) {
            writeJson(result);
        } else {
            writeText(result);
        }
        boolean valid = result.report().headerValid() && result.invalid() == 0;
        return valid ? CampaignKitCli.EXIT_OK : CampaignKitCli.EXIT_INVALID;
    }

    /**
     * Prints the JSON object of a command line that could not be parsed, when it asked for JSON:
     * the parameter error handler calls it, since {@link #call()} never runs then.
     *
     * @param args    the arguments as given
     * @param message what is wrong with them
     */
    void usageErrorIfJson(String[] args, String message) {
        if (json || java.util.Arrays.asList(args).contains("--json")) {
            writeJson(new FailedFile(FailedFile.USAGE, message));
        }
    }

    private void writeText(ImportResult result) {
        PrintWriter out = context.out();
        out.printf(
                "%s: %s, %d rows: %d valid, %d invalid%s%n",
                file, result.format().id(), result.rows(), result.valid(), result.invalid(), readAs(result));
        for (ImportError error : result.errors()) {
            out.printf("row %d, %s: %s: %s%n", error.row(), error.column(), error.code(), error.message());
        }
        for (ImportError warning : result.warnings()) {
            out.printf(
                    "warning: row %d, %s: %s%s: %s%n",
                    warning.row(),
                    warning.column(),
                    warning.code(),
                    warning.reason() == null ? "" : " (" + warning.reason() + ")",
                    warning.message());
        }
        if (result.report().warningCount() > result.warnings().size()) {
            out.printf(
                    "… and %d more warnings not listed%n",
                    result.report().warningCount() - result.warnings().size());
        }
        if (result.report().errorsTruncated()) {
            out.printf(
                    "… and %d more problems not listed%n",
                    result.report().errorCount() - result.errors().size());
        }
        out.println(
                result.report().headerValid() && result.invalid() == 0
                        ? "OK: every row is valid"
                        : "INVALID: fix the rows above and validate again");
        out.flush();
    }

    /** Which sheet or which encoding was read, as the operator may need to know: " (sheet 'Contactos')". */
    static String readAs(ImportResult result) {
        return result.report()
                .sheetRead()
                .map(sheet -> " (sheet '" + sheet + "')")
                .or(() -> result.report().encodingUsed().map(encoding -> " (read as " + encoding + ")"))
                .orElse("");
    }

    private void writeJson(ImportResult result) {
        try (JsonGenerator json = JSON.createGenerator(new NonClosingWriter(context.out()))) {
            json.writeStartObject();
            json.writeStringField("format", result.format().id());
            json.writeNumberField("rows", result.rows());
            json.writeNumberField("valid", result.valid());
            json.writeNumberField("invalid", result.invalid());
            json.writeArrayFieldStart("errors");
            for (ImportError error : result.errors()) {
                json.writeStartObject();
                json.writeNumberField("row", error.row());
                json.writeStringField("column", error.column());
                json.writeStringField("code", error.code());
                json.writeStringField("message", error.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("contacts");
            // the valid rows, listed whatever the verdict: the exit code and the errors give it
            for (ImportedContact contact : result.validRowsEvenIfRefused()) {
                json.writeStartObject();
                json.writeNumberField("row", contact.row());
                json.writeStringField("contact", contact.phone().e164());
                json.writeObjectFieldStart("values");
                for (Map.Entry<String, String> value :
                        contact.data().normalizedValues().entrySet()) {
                    json.writeStringField(value.getKey(), value.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("errorCount", result.report().errorCount());
            json.writeArrayFieldStart("warnings");
            for (ImportError warning : result.warnings()) {
                json.writeStartObject();
                json.writeNumberField("row", warning.row());
                json.writeStringField("column", warning.column());
                json.writeStringField("code", warning.code());
                json.writeStringField("reason", warning.reason());
                json.writeStringField("message", warning.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("warningCount", result.report().warningCount());
            json.writeStringField("sheet", result.report().sheet());
            json.writeStringField("encoding", result.report().encoding());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.out().println();
        context.out().flush();
    }

    /** The JSON of a file refused as a whole: no format known, one file-level error. */
    private void writeJson(FailedFile failed) {
        try (JsonGenerator json = JSON.createGenerator(new NonClosingWriter(context.out()))) {
            json.writeStartObject();
            json.writeNullField("format");
            json.writeNumberField("rows", 0);
            json.writeNumberField("valid", 0);
            json.writeNumberField("invalid", 0);
            json.writeArrayFieldStart("errors");
            json.writeStartObject();
            json.writeNullField("row");
            json.writeNullField("column");
            json.writeStringField("code", failed.code());
            json.writeStringField("message", failed.message());
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("contacts");
            json.writeEndArray();
            json.writeNumberField("errorCount", 1);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.out().println();
        context.out().flush();
    }

    private static FailedFile failedFile(AudienceImportException failure) {
        return new FailedFile(failure.code(), failure.getMessage());
    }

    /** A failure of the whole command: no format known, one error without row or column. */
    private record FailedFile(String code, String message) {

        /** The code of a failure that is the command line's to fix (exit 2) and has no code of its own. */
        static final String USAGE = "USAGE";

        static FailedFile of(RuntimeException failed) {
            if (failed.getCause() instanceof AudienceImportException importFailure) {
                return failedFile(importFailure);
            }
            if (failed instanceof CampaignKitException known) {
                return new FailedFile(known.code(), known.getMessage());
            }
            boolean usage = failed instanceof CliException cli && cli.exitCode() == CampaignKitCli.EXIT_USAGE;
            return new FailedFile(usage ? USAGE : "ERROR", CliErrorHandlers.oneLine(failed.getMessage()));
        }
    }
}
