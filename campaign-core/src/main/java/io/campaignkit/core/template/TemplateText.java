package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.template.InvalidTemplateException.Problem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A template text with numbered placeholders {@code {{1}}..{{n}}}, parsed once and rendered many
 * times.
 *
 * <p>Rules, chosen to match WhatsApp templates and to catch mistakes early:
 * <ul>
 *   <li>a placeholder is a number between double braces, {@code {{1}}}; spaces inside the braces
 *       are tolerated ({@code {{ 1 }}} is {@code {{1}}}), because people type them and sending
 *       the braces to a customer would be worse;</li>
 *   <li>numbers start at 1, have no leading zero, go up to {@value #MAX_PLACEHOLDERS}, and the
 *       numbers used form 1..n without gaps; a number may appear more than once;</li>
 *   <li>a named placeholder ({@code {{name}}}) is refused with a message saying that placeholders
 *       are numbered only; so is anything else between double braces, and two opening braces that are never closed;</li>
 *   <li>everything else, single braces included, is literal text.</li>
 * </ul>
 * Rendering substitutes each placeholder once: a value that itself contains {@code {{2}}} is not
 * expanded again. Immutable and thread-safe.
 */
public final class TemplateText {

    /** The highest placeholder number accepted. */
    public static final int MAX_PLACEHOLDERS = 100;

    private final String text;
    /** Literal segments; {@code literals.get(i)} comes before {@code placeholders[i]}, one more literal than placeholders. */
    private final List<String> literals;

    private final int[] placeholders;
    private final int placeholderCount;

    private TemplateText(String text, List<String> literals, int[] placeholders, int placeholderCount) {
        this.text = text;
        this.literals = literals;
        this.placeholders = placeholders;
        this.placeholderCount = placeholderCount;
    }

    /**
     * Reads a template text.
     *
     * @throws InvalidTemplateException if a placeholder is named, malformed, unclosed, or the
     *     numbering has a gap
     * @throws InvalidArgumentException if {@code text} is null or blank
     */
    public static TemplateText parse(String text) {
        Arguments.requireNonBlank(text, "text");
        List<String> literals = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        BitSet used = new BitSet();
        int literalStart = 0;
        int open = text.indexOf("{{");
        while (open >= 0) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new InvalidTemplateException(
                        Problem.UNCLOSED_PLACEHOLDER,
                        text,
                        open,
                        "a placeholder opened with {{ is never closed with }}");
            }
            int number = placeholderNumber(
                    text, open, text.substring(open + 2, close).strip());
            literals.add(text.substring(literalStart, open));
            numbers.add(number);
            used.set(number);
            literalStart = close + 2;
            open = text.indexOf("{{", literalStart);
        }
        literals.add(text.substring(literalStart));
        int count = used.length() == 0 ? 0 : used.length() - 1;
        int missing = used.nextClearBit(1);
        if (missing <= count) {
            throw new InvalidTemplateException(
                    Problem.NUMBERING_GAP,
                    text,
                    -1,
                    "placeholder {{" + missing + "}} is missing: placeholders are numbered {{1}} to {{" + count
                            + "}} without gaps");
        }
        int[] order = numbers.stream().mapToInt(Integer::intValue).toArray();
        return new TemplateText(text, List.copyOf(literals), order, count);
    }

    private static int placeholderNumber(String text, int index, String content) {
        if (content.isEmpty()) {
            throw new InvalidTemplateException(
                    Problem.EMPTY_PLACEHOLDER, text, index, "empty placeholder {{}}: write a number such as {{1}}");
        }
        if (content.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (content.length() <= 3 && content.charAt(0) != '0') {
                int number = Integer.parseInt(content);
                if (number <= MAX_PLACEHOLDERS) {
                    return number;
                }
            }
            throw new InvalidTemplateException(
                    Problem.INVALID_PLACEHOLDER,
                    text,
                    index,
                    "placeholder {{" + content + "}} is not allowed: numbers go from 1 to " + MAX_PLACEHOLDERS
                            + " without leading zeros");
        }
        if (content.codePoints()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ' ')) {
            throw new InvalidTemplateException(
                    Problem.NAMED_PLACEHOLDER,
                    text,
                    index,
                    "placeholders are numbered only: write {{1}}, {{2}}, ... instead of {{" + content + "}}");
        }
        throw new InvalidTemplateException(
                Problem.INVALID_PLACEHOLDER,
                text,
                index,
                "'{{" + content + "}}' is not a placeholder: write a number between double braces, such as {{1}}");
    }

    /** The text as given. */
    public String text() {
        return text;
    }

    /** n, the highest placeholder number; 0 when the text has no placeholder. */
    public int placeholderCount() {
        return placeholderCount;
    }

    /**
     * The text with {@code {{i}}} replaced by {@code values.get(i - 1)}.
     *
     * @throws InvalidArgumentException if {@code values} is null, holds null, or has fewer than
     *     {@link #placeholderCount()} values
     */
    public String render(List<String> values) {
        Arguments.requireNoNullElements(values, "values");
        Arguments.require(
                values.size() >= placeholderCount,
                "values",
                "values has " + values.size() + " values but the text has " + placeholderCount + " placeholders");
        StringBuilder out = new StringBuilder(text.length() + 16 * placeholders.length);
        for (int i = 0; i < placeholders.length; i++) {
            out.append(literals.get(i)).append(values.get(placeholders[i] - 1));
        }
        return out.append(literals.get(placeholders.length)).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateText && ((TemplateText) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
