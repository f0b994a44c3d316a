package io.campaignkit.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FieldDefinitionProperties {

    /** The hand-written scan must accept exactly the documented grammar. */
    @Property(tries = 500)
    void plainDecimalScanAgreesWithTheGrammar(@ForAll("numberLike") String text) {
        boolean grammar =
                text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)") && text.chars().allMatch(c -> c < 128);
        assertThat(FieldDefinition.isPlainDecimal(text)).as(text).isEqualTo(grammar);
    }

    /** Whatever the text, a NUMBER field either yields the exact BigDecimal or INVALID_NUMBER. */
    @Property(tries = 500)
    void numberFieldsNeverFailOtherwise(@ForAll("numberLike") String text) {
        FieldDefinition field = FieldDefinition.required("N", FieldType.NUMBER);
        try {
            FieldValue value = field.parse(text).orElseThrow();
            assertThat(((FieldValue.Number) value).value())
                    .isEqualByComparingTo(new java.math.BigDecimal(text.strip()));
        } catch (InvalidFieldValueException e) {
            assertThat(e.code()).isIn("INVALID_NUMBER", "MISSING_VALUE");
        }
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings()
                .withChars("0123456789+-.e,\u0663 ")
                .ofMinLength(1)
                .ofMaxLength(8);
    }
}
