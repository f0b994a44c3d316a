package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.campaignkit.core.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the template text (issue 19): any text is a template that renders with as many values
 * as it has placeholders, or is refused with {@link InvalidTemplateException} (blank text with
 * {@link InvalidArgumentException}); nothing else, and quickly. The build replays the corpus in
 * {@code TemplateTextFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see the module README).
 */
class TemplateTextFuzzTest {

    @FuzzTest(maxDuration = "2m")
    @Timeout(5)
    void anyTextIsATemplateOrIsRefusedWithItsOwnError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        TemplateText template;
        try {
            template = TemplateText.parse(text);
        } catch (InvalidTemplateException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        } catch (InvalidArgumentException blank) {
            assertThat(text).isBlank();
            return;
        }
        assertThat(template.placeholderCount()).isBetween(0, TemplateText.MAX_PLACEHOLDERS);
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= template.placeholderCount(); i++) {
            values.add("{{" + i + "}}");
        }
        assertThat(template.render(values)).isNotNull();
        assertThat(TemplateText.parse(template.text())).isEqualTo(template);
    }
}
