package io.campaignkit.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.OutcomeFilter.Outcome;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The text form of an {@link OutcomeFilter} (the CLI's {@code --outcome}, the JDBC store's column) reads back what it wrote. */
class OutcomeFilterProperties {

    @Property
    void everyFilterReadsBackFromItsText(@ForAll @Size(min = 1, max = 6) List<@From("outcomes") Outcome> outcomes) {
        OutcomeFilter filter = new OutcomeFilter(new java.util.LinkedHashSet<>(outcomes));

        assertThat(OutcomeFilter.parse(filter.toText())).isEqualTo(filter);
    }

    @Property
    void textThatIsNoOutcomeIsRefusedNamingThePart(@ForAll("notKinds") String word) {
        assertThatThrownBy(() -> OutcomeFilter.parse("failed, " + word))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("outcomes");
                    assertThat(e.getMessage()).contains("'" + word.strip() + "'");
                });
    }

    @Example
    void kindsReadInAnyCaseAndCodesOnlyWhereTheyNarrow() {
        assertThat(OutcomeFilter.parse(" Failed:131026 , UNKNOWN,not_read").outcomes())
                .containsExactly(
                        new OutcomeFilter.Outcome(OutcomeFilter.Kind.FAILED, Optional.of("131026")),
                        OutcomeFilter.Outcome.of(OutcomeFilter.Kind.UNKNOWN),
                        OutcomeFilter.Outcome.of(OutcomeFilter.Kind.NOT_READ));
        assertThatThrownBy(() -> OutcomeFilter.parse("unknown:X"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("only failed:CODE");
        assertThatThrownBy(() -> OutcomeFilter.parse("failed:")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> OutcomeFilter.parse("failed,,unknown")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> OutcomeFilter.custom().build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at least one outcome");
        assertThat(OutcomeFilter.failed().toText()).isEqualTo("failed");
    }

    @Provide
    Arbitrary<OutcomeFilter.Outcome> outcomes() {
        Arbitrary<String> codes = Arbitraries.strings()
                .withChars("ABCXYZ_0123456789-.")
                .ofMinLength(1)
                .ofMaxLength(12);
        return Combinators.combine(Arbitraries.of(OutcomeFilter.Kind.class), codes.optional())
                .as((kind, code) -> new OutcomeFilter.Outcome(kind, kind.takesCode() ? code : Optional.empty()));
    }

    @Provide
    Arbitrary<String> notKinds() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz-_ ")
                .ofMinLength(1)
                .ofMaxLength(14)
                .filter(word -> !word.isBlank())
                .filter(word -> java.util.Arrays.stream(OutcomeFilter.Kind.values())
                        .noneMatch(kind -> kind.text().equalsIgnoreCase(word.strip())
                                || kind.name().equalsIgnoreCase(word.strip())));
    }
}
