package io.campaignkit.channel.twilio.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.campaignkit.channel.twilio.internal.OptKeywords.Intent.OPT_IN;
import static io.campaignkit.channel.twilio.internal.OptKeywords.Intent.OPT_OUT;
import static org.assertj.core.api.Assertions.assertThat;

class OptKeywordsTest {

    @Property
    void opt_out_keywords_in_any_case_with_surrounding_spaces(@ForAll("optOutVariants") String body) {
        assertThat(OptKeywords.intentOf(body)).contains(OPT_OUT);
    }

    @Property
    void opt_in_keywords_in_any_case_with_surrounding_spaces(@ForAll("optInVariants") String body) {
        assertThat(OptKeywords.intentOf(body)).contains(OPT_IN);
    }

    @Provide
    Arbitrary<String> optOutVariants() {
        return variantsOf(Arbitraries.of(OptKeywords.OPT_OUT));
    }

    @Provide
    Arbitrary<String> optInVariants() {
        return variantsOf(Arbitraries.of(OptKeywords.OPT_IN));
    }

    private static Arbitrary<String> variantsOf(Arbitrary<String> keywords) {
        Arbitrary<String> spaces = Arbitraries.strings().withChars(' ', '\t', '\n', '\u00a0').ofMaxLength(3)
                .filter(s -> s.strip().isEmpty());
        Arbitrary<String> mixedCase = keywords.flatMap(k -> Arbitraries.integers().between(0, (1 << k.length()) - 1)
                .map(mask -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < k.length(); i++) {
                        char c = k.charAt(i);
                        out.append((mask & (1 << i)) != 0 ? Character.toLowerCase(c) : c);
                    }
                    return out.toString();
                }));
        return Combinators.combine(spaces, mixedCase, spaces).as((a, k, b) -> a + k + b);
    }

    @Test
    void help_info_sentences_and_opt_out_with_a_space_are_ordinary_messages() {
        assertThat(OptKeywords.intentOf("HELP")).isEmpty();
        assertThat(OptKeywords.intentOf("info")).isEmpty();
        assertThat(OptKeywords.intentOf("stop please")).isEmpty();
        assertThat(OptKeywords.intentOf("OPT OUT")).isEmpty();
        assertThat(OptKeywords.intentOf("")).isEmpty();
        assertThat(OptKeywords.intentOf(null)).isEmpty();
    }

    @Test
    void twilios_opt_out_type_parameter_is_honoured() {
        assertThat(OptKeywords.intentOfOptOutType("STOP")).isEqualTo(Optional.of(OPT_OUT));
        assertThat(OptKeywords.intentOfOptOutType("start")).isEqualTo(Optional.of(OPT_IN));
        assertThat(OptKeywords.intentOfOptOutType("HELP")).isEmpty();
        assertThat(OptKeywords.intentOfOptOutType(null)).isEmpty();
    }
}
