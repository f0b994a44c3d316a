package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.template.InvalidTemplateException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTextTest {

    @Test
    void counts_numbered_placeholders_and_renders_them_in_place() {
        TemplateText text = TemplateText.parse("Hola {{1}}, tu saldo de {{2}} vence el {{3}}.");

        assertThat(text.placeholderCount()).isEqualTo(3);
        assertThat(text.render(List.of("Ana", "$1,200", "30/06")))
                .isEqualTo("Hola Ana, tu saldo de $1,200 vence el 30/06.");
    }

    @Test
    void a_text_without_placeholders_renders_as_itself() {
        TemplateText text = TemplateText.parse("Hola, {single} braces } and { are literal");

        assertThat(text.placeholderCount()).isZero();
        assertThat(text.render(List.of())).isEqualTo("Hola, {single} braces } and { are literal");
    }

    @Test
    void spaces_inside_the_braces_are_tolerated() {
        assertThat(TemplateText.parse("Hola {{ 1 }} y {{2 }}").render(List.of("a", "b")))
                .isEqualTo("Hola a y b");
    }

    @Test
    void a_placeholder_may_be_used_twice_and_in_any_order() {
        TemplateText text = TemplateText.parse("{{2}} {{1}} {{2}}");

        assertThat(text.placeholderCount()).isEqualTo(2);
        assertThat(text.render(List.of("x", "y"))).isEqualTo("y x y");
    }

    @Test
    void values_are_substituted_once_never_expanded_again() {
        assertThat(TemplateText.parse("{{1}} / {{2}}").render(List.of("{{2}}", "b")))
                .isEqualTo("{{2}} / b");
    }

    @Test
    void a_named_placeholder_is_refused_saying_placeholders_are_numbered_only() {
        assertThatThrownBy(() -> TemplateText.parse("Hola {{nombre}}, debes {{1}}"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_TEMPLATE");
                    assertThat(e.problem()).isEqualTo(Problem.NAMED_PLACEHOLDER);
                    assertThat(e.index()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("numbered only", "{{1}}", "{{nombre}}", "at index 5");
                });
    }

    @Test
    void a_gap_in_the_numbering_is_refused_naming_the_missing_number() {
        assertThatThrownBy(() -> TemplateText.parse("{{1}} y {{3}}"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NUMBERING_GAP);
                    assertThat(e.getMessage()).contains("{{2}} is missing", "without gaps");
                });
        assertThatThrownBy(() -> TemplateText.parse("solo {{2}}"))
                .isInstanceOfSatisfying(
                        InvalidTemplateException.class,
                        e -> assertThat(e.getMessage()).contains("{{1}} is missing"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Hola {{1}           | UNCLOSED_PLACEHOLDER | 5",
                "Hola {{}}           | EMPTY_PLACEHOLDER    | 5",
                "Hola {{  }}         | EMPTY_PLACEHOLDER    | 5",
                "Hola {{0}}          | INVALID_PLACEHOLDER  | 5",
                "Hola {{01}}         | INVALID_PLACEHOLDER  | 5",
                "Hola {{101}}        | INVALID_PLACEHOLDER  | 5",
                "Hola {{99999999999}} | INVALID_PLACEHOLDER | 5",
                "Hola {{1.5}}        | NAMED_PLACEHOLDER    | 5",
                "Hola {{$x}}         | INVALID_PLACEHOLDER  | 5",
                "Hola {{{1}}}        | INVALID_PLACEHOLDER  | 5",
                "{{1}} {{first name}} | NAMED_PLACEHOLDER   | 6",
            })
    void malformed_placeholders_are_refused_with_their_place(String text, Problem problem, int index) {
        assertThatThrownBy(() -> TemplateText.parse(text)).isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.index()).isEqualTo(index);
            assertThat(e.text()).isEqualTo(text);
        });
    }

    @Test
    void up_to_the_maximum_number_of_placeholders_is_accepted() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= TemplateText.MAX_PLACEHOLDERS; i++) {
            text.append("{{").append(i).append("}}");
        }
        assertThat(TemplateText.parse(text.toString()).placeholderCount()).isEqualTo(TemplateText.MAX_PLACEHOLDERS);
    }

    @Test
    void bad_arguments_are_named() {
        assertThatThrownBy(() -> TemplateText.parse(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("text"));
        assertThatThrownBy(() -> TemplateText.parse(" "))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("text"));
        TemplateText text = TemplateText.parse("{{1}} {{2}}");
        assertThatThrownBy(() -> text.render(List.of("only one")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo("values");
                    assertThat(e.getMessage()).contains("1 values", "2 placeholders");
                });
        assertThatThrownBy(() -> text.render(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void equal_texts_are_equal() {
        assertThat(TemplateText.parse("Hola {{1}}"))
                .isEqualTo(TemplateText.parse("Hola {{1}}"))
                .hasSameHashCodeAs(TemplateText.parse("Hola {{1}}"))
                .hasToString("Hola {{1}}");
    }
}
