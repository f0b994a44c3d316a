package io.campaignkit.core.campaign;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which recipients of a campaign a {@linkplain AudienceReference.CampaignRecipients retargeted
 * audience} takes: those whose outcome matches any of {@code outcomes}.
 *
 * <pre>{@code
 * OutcomeFilter.custom().failed().unknown().build();               // "resend to the failed"
 * OutcomeFilter.custom().failedWith("131026").skippedFor("OPTED_OUT").build();
 * OutcomeFilter.parse("not-read");                                  // the text form, as the CLI takes it
 * }</pre>
 *
 * @param outcomes at least one; a recipient in the source matches when it matches any of them
 */
public record OutcomeFilter(Set<Outcome> outcomes) {

    public OutcomeFilter {
        Arguments.requireNoNullElements(outcomes, "outcomes");
        Arguments.require(!outcomes.isEmpty(), "outcomes", "an outcome filter needs at least one outcome");
        outcomes = Collections.unmodifiableSet(new LinkedHashSet<>(outcomes));
    }

    /** The kinds of outcome a filter names. */
    public enum Kind {
        /** Not delivered to the handset: anything short of DELIVERED, READ or REPLIED (failed, skipped, unknown, sent without a receipt, not sent yet). */
        NOT_DELIVERED,
        /** Not read: anything short of READ or REPLIED (delivered ones included). */
        NOT_READ,
        /** Did not reply: anything but REPLIED. */
        NOT_REPLIED,
        /** FAILED; with a code, only those whose provider error code is that one. */
        FAILED,
        /** UNKNOWN: the channel gave no answer; never resent by the source itself. */
        UNKNOWN,
        /** SKIPPED; with a code, only those skipped for that reason code (such as {@code OPTED_OUT}). */
        SKIPPED;

        /** Whether this kind takes a code: FAILED (a provider error code) and SKIPPED (a skip reason). */
        public boolean takesCode() {
            return this == FAILED || this == SKIPPED;
        }

        /** The kind's text form: {@code not-delivered}, {@code failed}... */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One outcome: a kind, and for FAILED or SKIPPED an optional code that narrows it.
     *
     * @param code for FAILED, the provider's error code ({@code 131026}, {@code 30006}); for SKIPPED,
     *     the skip reason code; empty for every other kind
     */
    public record Outcome(Kind kind, Optional<String> code) {
        public Outcome {
            Arguments.requireNonNull(kind, "kind");
            Arguments.requireNonNull(code, "code");
            code = code.map(String::strip);
            code.ifPresent(value -> Arguments.requireNonBlank(value, "code"));
            Arguments.require(
                    code.isEmpty() || kind.takesCode(),
                    "code",
                    "only FAILED (a provider error code) and SKIPPED (a skip reason) take a code, not " + kind);
            code.ifPresent(value -> Arguments.require(
                    value.indexOf(',') < 0 && value.indexOf(':') < 0,
                    "code",
                    "a code holds no ',' nor ':', was '" + value + "'"));
        }

        /** The outcome of {@code kind}, any code. */
        public static Outcome of(Kind kind) {
            return new Outcome(kind, Optional.empty());
        }

        /** The text form: {@code failed}, {@code failed:131026}, {@code skipped:OPTED_OUT}. */
        public String toText() {
            return kind.text() + code.map(value -> ":" + value).orElse("");
        }
    }

    public static Builder custom() {
        return new Builder();
    }

    /** Every FAILED recipient, with or without a provider code: "resume only the failed". */
    public static OutcomeFilter failed() {
        return custom().failed().build();
    }

    /**
     * Parses the text form: outcomes separated by commas, each a kind ({@code not-delivered},
     * {@code not-read}, {@code not-replied}, {@code failed}, {@code unknown}, {@code skipped}), FAILED and
     * SKIPPED optionally narrowed by {@code :CODE}: {@code failed:131026,unknown,skipped:OPTED_OUT}.
     *
     * @throws InvalidArgumentException {@code outcomes}, naming the part that is not an outcome
     */
    public static OutcomeFilter parse(String text) {
        Arguments.requireNonBlank(text, "outcomes");
        Builder builder = custom();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            int colon = item.indexOf(':');
            String kindText = colon < 0 ? item : item.substring(0, colon).strip();
            Kind kind = java.util.Arrays.stream(Kind.values())
                    .filter(candidate -> candidate.text().equalsIgnoreCase(kindText)
                            || candidate.name().equalsIgnoreCase(kindText))
                    .findFirst()
                    .orElseThrow(() -> new InvalidArgumentException(
                            "outcomes",
                            "'" + item
                                    + "' is not an outcome; use "
                                    + java.util.Arrays.stream(Kind.values())
                                            .map(Kind::text)
                                            .collect(Collectors.joining(", "))
                                    + " (failed and skipped may take :CODE)"));
            Optional<String> code = colon < 0 ? Optional.empty() : Optional.of(item.substring(colon + 1));
            if (code.isPresent() && (!kind.takesCode() || code.get().isBlank())) {
                throw new InvalidArgumentException(
                        "outcomes",
                        "'" + item + "': only failed:CODE (a provider error"
                                + " code) and skipped:REASON take a code, and it is not blank");
            }
            builder.outcome(new Outcome(kind, code));
        }
        return builder.build();
    }

    /** The text form {@link #parse} reads back. */
    public String toText() {
        return outcomes.stream().map(Outcome::toText).collect(Collectors.joining(","));
    }

    /** Builds an {@link OutcomeFilter}; the outcomes keep the order they are added in. */
    public static final class Builder {
        private final Set<Outcome> outcomes = new LinkedHashSet<>();

        private Builder() {}

        public Builder outcome(Outcome outcome) {
            outcomes.add(Arguments.requireNonNull(outcome, "outcome"));
            return this;
        }

        public Builder notDelivered() {
            return outcome(Outcome.of(Kind.NOT_DELIVERED));
        }

        public Builder notRead() {
            return outcome(Outcome.of(Kind.NOT_READ));
        }

        public Builder notReplied() {
            return outcome(Outcome.of(Kind.NOT_REPLIED));
        }

        /** Every FAILED recipient. */
        public Builder failed() {
            return outcome(Outcome.of(Kind.FAILED));
        }

        /** The FAILED recipients whose provider error code is {@code providerCode}. */
        public Builder failedWith(String providerCode) {
            return outcome(
                    new Outcome(Kind.FAILED, Optional.of(Arguments.requireNonBlank(providerCode, "providerCode"))));
        }

        public Builder unknown() {
            return outcome(Outcome.of(Kind.UNKNOWN));
        }

        /** Every SKIPPED recipient. */
        public Builder skipped() {
            return outcome(Outcome.of(Kind.SKIPPED));
        }

        /** The SKIPPED recipients skipped for {@code reason} (a code such as {@code ALREADY_IN_ACTIVE_CAMPAIGN}). */
        public Builder skippedFor(String reason) {
            return outcome(new Outcome(Kind.SKIPPED, Optional.of(Arguments.requireNonBlank(reason, "reason"))));
        }

        /** @throws InvalidArgumentException {@code outcomes} when none was added */
        public OutcomeFilter build() {
            return new OutcomeFilter(outcomes);
        }
    }
}
