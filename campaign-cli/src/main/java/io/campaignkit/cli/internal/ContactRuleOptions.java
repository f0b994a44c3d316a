package io.campaignkit.cli.internal;

import io.campaignkit.core.port.ExclusivityScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --exclusivity} and {@code --busy-contacts}, for the commands whose engine admits or sends
 * contacts ({@code run}, {@code serve}, {@code add-contacts}): see {@link ContactRules}.
 */
public final class ContactRuleOptions {

    /** The scopes as the options write them, in the order the help lists them. */
    static final String SCOPES = "per-sender, per-contact or none";

    @Option(
            names = "--exclusivity",
            paramLabel = "SCOPE",
            converter = ScopeConverter.class,
            description = "How many active campaigns of the store a contact may be in at once: per-sender (the default:"
                    + " one on each sender), per-contact (one across every sender and channel) or none; a contact"
                    + " refused is skipped as ALREADY_IN_ACTIVE_CAMPAIGN. Give every process on a store the same.")
    ExclusivityScope exclusivity = ExclusivityScope.PER_SENDER;

    @Option(
            names = "--busy-contacts",
            paramLabel = "FILE",
            description = "A text file of phone numbers busy now (an open case, a conversation with an agent), one a"
                    + " line, # for comments: they are not messaged but skipped as CONTACT_BUSY (run: or waited for,"
                    + " --busy-wait). Read again when it changes, so a number taken off it is free at the next check.")
    Path busyContacts;

    /**
     * The rules, with the busy file read now (a bad one is a usage error before anything is stored).
     *
     * @param region the region of numbers written without their country code ({@code --region}), or null
     * @param busyWait the run's {@code --busy-wait}, or zero
     */
    ContactRules rules(String region, Duration busyWait) {
        Optional<BusyContactsFile> busy =
                Optional.ofNullable(busyContacts).map(file -> BusyContactsFile.read(file, region));
        return new ContactRules(exclusivity, busy, busyWait);
    }

    /** Reads {@code per-sender}, {@code per-contact} or {@code none}, in any case, with {@code _} for {@code -}. */
    public static final class ScopeConverter implements ITypeConverter<ExclusivityScope> {
        @Override
        public ExclusivityScope convert(String value) {
            String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (ExclusivityScope scope : ExclusivityScope.values()) {
                if (scope.name().equals(name)) {
                    return scope;
                }
            }
            throw new TypeConversionException("unknown scope '" + value + "'; use " + SCOPES);
        }
    }
}
