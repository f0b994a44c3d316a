package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TemplateTextProperties {

    /** Literal text between placeholders: anything without a brace, so no accidental placeholder. */
    @Provide
    Arbitrary<String> literals() {
        return Arbitraries.strings().excludeChars('{', '}').ofMaxLength(12);
    }

    @Property
    void rendering_puts_each_value_where_its_placeholder_was(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 12) Integer> order,
            @ForAll("literals") String head,
            @ForAll @Size(12) List<@From("literals") String> literals) {
        int count = order.stream().mapToInt(Integer::intValue).max().getAsInt();
        List<Integer> numbers = new ArrayList<>(order);
        for (int n = 1; n <= count; n++) {
            if (!numbers.contains(n)) {
                numbers.add(n); // fill the gaps so numbering is 1..count
            }
        }
        StringBuilder text = new StringBuilder(head);
        StringBuilder expected = new StringBuilder(head);
        List<String> values = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            values.add("<" + n + ":{{" + n + "}}>");
        }
        for (int i = 0; i < numbers.size(); i++) {
            text.append("{{").append(numbers.get(i)).append("}}").append(literals.get(i % literals.size()));
            expected.append(values.get(numbers.get(i) - 1)).append(literals.get(i % literals.size()));
        }
        Assume.that(!text.toString().isBlank());

        TemplateText parsed = TemplateText.parse(text.toString());

        assertThat(parsed.placeholderCount()).isEqualTo(count);
        assertThat(parsed.render(values)).isEqualTo(expected.toString());
    }

    @Property
    void text_without_double_braces_has_no_placeholder_and_renders_as_itself(@ForAll String text) {
        Assume.that(!text.isBlank() && !text.contains("{{"));

        TemplateText parsed = TemplateText.parse(text);

        assertThat(parsed.placeholderCount()).isZero();
        assertThat(parsed.render(List.of())).isEqualTo(text);
    }

    @Property
    void any_text_either_parses_or_is_refused_with_a_template_error(@ForAll("templateLike") String text) {
        Assume.that(!text.isBlank());
        try {
            TemplateText parsed = TemplateText.parse(text);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < parsed.placeholderCount(); i++) {
                values.add("v");
            }
            assertThat(parsed.render(values)).doesNotContain("{{" + 1 + "}}");
        } catch (InvalidTemplateException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.index()).isBetween(-1, text.length() - 1);
        }
    }

    @Provide
    Arbitrary<String> templateLike() {
        return Arbitraries.oneOf(
                        Arbitraries.of("{{", "}}", "{", "}", "1", "2", "3", "0", " ", "a", "name", "{{1}}", "{{2}}"))
                .list()
                .ofMaxSize(15)
                .map(parts -> String.join("", parts));
    }
}
