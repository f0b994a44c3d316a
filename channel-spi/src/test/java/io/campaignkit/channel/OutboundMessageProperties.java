package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written shape checks accept exactly their documented grammars. */
class OutboundMessageProperties {

    @Property(tries = 1000)
    void e164CheckAgreesWithItsGrammar(@ForAll("numberLike") String value) {
        assertThat(OutboundMessage.isE164(value)).as(value).isEqualTo(value.matches("\\+[1-9][0-9]{6,14}"));
    }

    @Property(tries = 1000)
    void correlationIdsAreAcceptedExactlyWhenSafe(@ForAll("idLike") String id) {
        boolean safe = id.length() <= OutboundMessage.MAX_CORRELATION_ID_LENGTH && id.matches("[A-Za-z0-9._:-]+");
        if (safe) {
            assertThat(new OutboundMessage("+525500998877", "sender", id, TextContent.of("hola")).correlationId())
                    .isEqualTo(id);
        } else {
            assertThatThrownBy(() -> new OutboundMessage("+525500998877", "sender", id, TextContent.of("hola")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("correlationId");
        }
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("+0123456789 -").ofMinLength(0).ofMaxLength(18),
                Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(17).map(digits -> "+" + digits));
    }

    @Provide
    Arbitrary<String> idLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("aZ09._:-/ ñ{\"&")
                        .ofMinLength(1)
                        .ofMaxLength(10),
                Arbitraries.strings().withChars("abc:").ofMinLength(120).ofMaxLength(135));
    }

    @Property(tries = 200)
    void templateButtonsMustHaveDistinctIndexes(@ForAll("indexes") List<Integer> indexes) {
        List<ButtonParameter> buttons = indexes.stream()
                .map(i -> ButtonParameter.quickReply(i, "p" + i))
                .toList();
        boolean distinct = indexes.stream().distinct().count() == indexes.size();
        if (distinct) {
            assertThat(new TemplateContent("t", "es", List.of(), java.util.Optional.empty(), buttons).buttons())
                    .hasSize(indexes.size());
        } else {
            assertThatThrownBy(() -> new TemplateContent("t", "es", List.of(), java.util.Optional.empty(), buttons))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("distinct");
        }
    }

    @Provide
    Arbitrary<List<Integer>> indexes() {
        return Arbitraries.integers().between(0, 4).list().ofMaxSize(4);
    }
}
