package io.campaignkit.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomDataSchemaTest {

    private final CustomDataSchema schema = CustomDataSchema.custom()
            .required("NOMBRE", FieldType.TEXT)
            .required("MONTO", FieldType.NUMBER)
            .required("FECHA", FieldType.DATE)
            .optional("NOTA", FieldType.TEXT)
            .build();

    @Test
    void parsesTypedValuesInSchemaOrder() {
        CustomData data = schema.parse(Map.of("FECHA", "2016-12-25", "MONTO", "1200.50", "NOMBRE", "  Carlos  "));

        assertThat(data.values().keySet()).containsExactly("NOMBRE", "MONTO", "FECHA");
        assertThat(data.get("NOMBRE")).contains(new FieldValue.Text("Carlos"));
        assertThat(data.get("MONTO")).contains(new FieldValue.Number(new BigDecimal("1200.5")));
        assertThat(data.get("FECHA")).contains(new FieldValue.Date(LocalDate.of(2016, 12, 25)));
        assertThat(data.get("NOTA")).isEmpty();
        assertThat(data.normalizedValues())
                .containsExactly(
                        Map.entry("NOMBRE", "Carlos"), Map.entry("MONTO", "1200.5"), Map.entry("FECHA", "2016-12-25"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1200, 1200",
        "1200.00, 1200",
        "1480.5, 1480.5",
        "0.000, 0",
        "-12.340, -12.34",
        "+7, 7",
        ".5, 0.5",
        "12345678901234567890.123456789, 12345678901234567890.123456789"
    })
    void numbersAreExactDecimalsNormalizedWithoutTrailingZeros(String raw, String normalized) {
        FieldValue value =
                FieldDefinition.required("N", FieldType.NUMBER).parse(raw).orElseThrow();
        assertThat(value.normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,200", "1e5", "12abc", "NaN", "--1", "1.2.3", "١٢"})
    void refusesWhatIsNotAPlainDecimal(String raw) {
        assertThatThrownBy(() ->
                        FieldDefinition.required("MONTO", FieldType.NUMBER).parse(raw))
                .isInstanceOfSatisfying(InvalidFieldValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_NUMBER");
                    assertThat(e.fieldId()).isEqualTo("MONTO");
                    assertThat(e.getMessage()).contains("MONTO");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2017-02-30",
                "2017-13-01",
                "2017-2-3",
                "25/12/2016",
                "2016-12-25T10:00",
                "12016-12-25",
                "2016/12/25",
                "2019-02-29"
            })
    void datesAreStrictIsoAndReal(String raw) {
        assertThatThrownBy(
                        () -> FieldDefinition.required("FECHA", FieldType.DATE).parse(raw))
                .isInstanceOfSatisfying(
                        InvalidFieldValueException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_DATE"));
    }

    @Test
    void builderHandsItsValuesOverOnce() {
        CustomData.Builder builder = CustomData.builder().put("NOMBRE", new FieldValue.Text("Ana"));
        CustomData data = builder.build();

        assertThat(data).isEqualTo(CustomData.of(Map.of("NOMBRE", new FieldValue.Text("Ana"))));
        assertThatThrownBy(() -> builder.put("MONTO", new FieldValue.Number(BigDecimal.ONE)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(data.values()).hasSize(1);
        assertThat(CustomData.builder().build()).isSameAs(CustomData.empty());
        assertThatThrownBy(() -> CustomData.builder().put("X", null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("value"));
    }

    @Test
    void leapDayIsADate() {
        assertThat(FieldDefinition.required("FECHA", FieldType.DATE).parse("2020-02-29"))
                .contains(new FieldValue.Date(LocalDate.of(2020, 2, 29)));
    }

    @Test
    void requiredTextMustNotBeBlankAndOptionalBlankIsNoValue() {
        assertThatThrownBy(
                        () -> FieldDefinition.required("NOMBRE", FieldType.TEXT).parse("   "))
                .isInstanceOfSatisfying(
                        InvalidFieldValueException.class,
                        e -> assertThat(e.code()).isEqualTo("MISSING_VALUE"));
        assertThat(FieldDefinition.optional("NOTA", FieldType.TEXT).parse("  ")).isEmpty();
        assertThat(FieldDefinition.optional("NOTA", FieldType.NUMBER).parse(null))
                .isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("NOMBRE", "");
        raw.put("MONTO", "12,5");
        raw.put("FECHA", "2017-02-30");
        raw.put("CIUDAD", "CDMX");

        assertThatThrownBy(() -> schema.parse(raw))
                .isInstanceOfSatisfying(
                        CustomDataValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::fieldId, FieldViolation::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("CIUDAD", "UNKNOWN_FIELD"),
                                        org.assertj.core.groups.Tuple.tuple("NOMBRE", "MISSING_VALUE"),
                                        org.assertj.core.groups.Tuple.tuple("MONTO", "INVALID_NUMBER"),
                                        org.assertj.core.groups.Tuple.tuple("FECHA", "INVALID_DATE")));
    }

    @Test
    void checksTypedDataForCompleteness() {
        CustomData incomplete =
                CustomData.of(Map.of("NOMBRE", new FieldValue.Text("Ana"), "MONTO", new FieldValue.Text("mucho")));

        assertThat(schema.check(incomplete))
                .extracting(FieldViolation::fieldId, FieldViolation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MONTO", "WRONG_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("FECHA", "MISSING_VALUE"));
        assertThat(CustomDataSchema.empty().check(CustomData.empty())).isEmpty();
    }

    @Test
    void fieldIdsAreUniqueIgnoringCaseAndWellFormed() {
        assertThatThrownBy(() -> CustomDataSchema.custom()
                        .required("NOMBRE", FieldType.TEXT)
                        .optional("nombre", FieldType.TEXT)
                        .build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("nombre")
                .hasMessageContaining("NOMBRE");
        assertThatThrownBy(() -> FieldDefinition.required("MI CAMPO", FieldType.TEXT))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("id"));
        assertThatThrownBy(() -> FieldDefinition.required(null, FieldType.TEXT))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("id"));
        assertThatThrownBy(() -> FieldDefinition.required("X", null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("type"));
        assertThat(FieldDefinition.required(" AÑO_1.b-c ", FieldType.TEXT).id()).isEqualTo("AÑO_1.b-c");
    }

    @Test
    void typedValuesAreImmutableAndCompareByValue() {
        Map<String, FieldValue> source = new LinkedHashMap<>();
        source.put("NOMBRE", new FieldValue.Text("Ana"));
        CustomData data = CustomData.of(source);
        source.put("MONTO", new FieldValue.Number(BigDecimal.ONE));

        assertThat(data.values()).hasSize(1);
        assertThatThrownBy(() -> data.values().put("X", new FieldValue.Text("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new FieldValue.Number(new BigDecimal("1.50")))
                .isEqualTo(new FieldValue.Number(new BigDecimal("1.5")));
        assertThatThrownBy(() -> new FieldValue.Text(" ")).isInstanceOf(InvalidArgumentException.class);
    }
}
