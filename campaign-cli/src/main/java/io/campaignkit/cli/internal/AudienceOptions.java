package io.campaignkit.cli.internal;

import io.campaignkit.importer.NotMobilePolicy;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.Option;

/** How {@code validate} and {@code run} read a contact file: the options they share. */
public final class AudienceOptions {

    @Option(
            names = "--region",
            paramLabel = "CC",
            description = "Region (ISO 3166, e.g. MX) of numbers written without their country code.")
    String region;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "The sheet of a workbook to read (default: the first visible one).")
    String sheet;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            description = "The encoding of a CSV or TSV file, like windows-1252 (default: detected).")
    String encoding;

    @Option(
            names = "--contact-column",
            paramLabel = "HEADER",
            description =
                    "The header of the phone column, like TELEFONO, wherever it stands (default: the first column, CONTACT).")
    String contactColumn;

    @Option(
            names = "--not-mobile",
            paramLabel = "warn|refuse",
            description =
                    "What a fixed-line number (it cannot receive SMS or WhatsApp) does: warn (default) or refuse its row.")
    NotMobilePolicy notMobile = NotMobilePolicy.WARN;

    /** The options of a command line that gave none. */
    static AudienceOptions defaults() {
        return new AudienceOptions();
    }

    /** The {@code --encoding} charset, or null to detect it. */
    Charset charset() {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw CliException.usage("bad --encoding '" + encoding + "': not an encoding this Java knows; use one"
                    + " like windows-1252, ISO-8859-15, UTF-8 or UTF-16");
        }
    }
}
