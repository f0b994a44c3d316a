package io.campaignkit.channel.twilio.internal;

import static io.campaignkit.channel.twilio.internal.OptKeywords.Intent.OPT_IN;
import static io.campaignkit.channel.twilio.internal.OptKeywords.Intent.OPT_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.twilio.TwilioKeywords;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OptKeywordsTest {

    private static final OptKeywords KEYWORDS = new OptKeywords(TwilioKeywords.defaults());

    @Property
    void opt_out_keywords_in_any_case_with_surrounding_spaces(@ForAll("optOutVariants") String body) {
        assertThat(KEYWORDS.intentOf(body)).contains(OPT_OUT);
    }

    @Property
    void opt_in_keywords_in_any_case_with_surrounding_spaces(@ForAll("optInVariants") String body) {
        assertThat(KEYWORDS.intentOf(body)).contains(OPT_IN);
    }

    @Provide
    Arbitrary<String> optOutVariants() {
        return variantsOf(Arbitraries.of(TwilioKeywords.defaults().optOut()));
    }

    @Provide
    Arbitrary<String> optInVariants() {
        return variantsOf(Arbitraries.of(TwilioKeywords.defaults().optIn()));
    }

    private static Arbitrary<String> variantsOf(Arbitrary<String> keywords) {
        Arbitrary<String> spaces = Arbitraries.strings()
                .withChars(' ', '\t', '\n', '\u00a0')
                .ofMaxLength(3)
                .filter(s -> s.strip().isEmpty());
        Arbitrary<String> mixedCase = keywords.flatMap(k -> Arbitraries.integers()
                .between(0, (1 << k.length()) - 1)
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
        assertThat(KEYWORDS.intentOf("HELP")).isEmpty();
        assertThat(KEYWORDS.intentOf("Ayuda")).isEmpty();
        assertThat(KEYWORDS.intentOf("info")).isEmpty();
        assertThat(KEYWORDS.intentOf("stop please")).isEmpty();
        assertThat(KEYWORDS.intentOf("OPT OUT")).isEmpty();
        assertThat(KEYWORDS.intentOf("")).isEmpty();
        assertThat(KEYWORDS.intentOf(null)).isEmpty();
    }

    @Test
    void spanish_and_portuguese_words_in_any_case_and_with_accents_are_keywords_by_default() {
        for (String word :
                new String[] {"BAJA", "baja", "Alto", "cancelar", "Cancelár", "detener", "PARAR", "sair", "Descadastrar"
                }) {
            assertThat(KEYWORDS.intentOf(word)).as(word).contains(OPT_OUT);
        }
    }

    @Test
    void a_sender_sets_its_own_words() {
        OptKeywords custom = new OptKeywords(
                new TwilioKeywords(java.util.Set.of("Bájame"), java.util.Set.of("Súbeme"), java.util.Set.of()));
        assertThat(custom.intentOf("BAJAME")).contains(OPT_OUT);
        assertThat(custom.intentOf("subeme")).contains(OPT_IN);
        assertThat(custom.intentOf("STOP")).isEmpty();
    }

    @Test
    void twilios_opt_out_type_parameter_is_honoured() {
        assertThat(OptKeywords.intentOfOptOutType("STOP")).isEqualTo(Optional.of(OPT_OUT));
        assertThat(OptKeywords.intentOfOptOutType("start")).isEqualTo(Optional.of(OPT_IN));
        assertThat(OptKeywords.intentOfOptOutType("HELP")).isEmpty();
        assertThat(OptKeywords.intentOfOptOutType(null)).isEmpty();
    }
}
