package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ValueFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --param N=field:ID|FORMAT}: a custom field written for people, and what a bad format says. */
class FormattedParamTest {

    private final ParamBinding.Converter params = new ParamBinding.Converter();

    @Test
    void aFieldTakesANumberCurrencyOrDateFormatAfterABar() {
        assertThat(params.convert("2=field:MONTO|number:es-MX:2"))
                .isEqualTo(new ParamBinding(2, Binding.customField("MONTO", ValueFormat.number("es-MX", 2))));
        assertThat(params.convert("2=field:MONTO|number:en-US:0-2"))
                .isEqualTo(new ParamBinding(2, Binding.customField("MONTO", ValueFormat.number("en-US", 0, 2))));
        assertThat(params.convert("2= field:MONTO | currency:es-ES:EUR"))
                .isEqualTo(new ParamBinding(2, Binding.customField("MONTO", ValueFormat.currency("es-ES", "EUR"))));
        // the pattern keeps its quotes, spaces, colons and bars
        assertThat(params.convert("3=field:VENCE|date:es-MX:d 'de' MMMM 'de' yyyy"))
                .isEqualTo(new ParamBinding(
                        3, Binding.customField("VENCE", ValueFormat.date("d 'de' MMMM 'de' yyyy", "es-MX"))));
        assertThat(params.convert("3=field:VENCE|date:pt-BR:dd/MM 'às|de' yyyy"))
                .isEqualTo(new ParamBinding(
                        3, Binding.customField("VENCE", ValueFormat.date("dd/MM 'às|de' yyyy", "pt-BR"))));
        assertThat(params.convert("2=field:MONTO")).isEqualTo(new ParamBinding(2, Binding.customField("MONTO")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '#',
            quoteCharacter = '"',
            value = {
                "2=field:MONTO| # nothing after '|'",
                "2=field:MONTO|money:es-MX:MXN # unknown kind 'money'",
                "2=field:MONTO|number:xx-YY:2 # language 'xx'",
                "2=field:MONTO|number:es_MX # not KIND:LOCALE:DETAIL",
                "2=field:MONTO|number:es-MX:dos # decimals 'dos'",
                "2=field:MONTO|number:es-MX:20 # must be 0 to 10, not 20",
                "2=field:MONTO|currency:es-MX:PESOS # ISO 4217",
                "3=field:VENCE|date:es-MX:d 'de MMMM # does not parse",
                "3=field:VENCE|date:es-MX:dd/MM/yyyy HH:mm # time of day",
                "2=field:|number:es-MX:2 # fieldId"
            })
    void aBadFormatIsRefusedQuotingTheParamAndSayingWhatIsWrong(String param, String problem) {
        assertThatThrownBy(() -> params.convert(param))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'" + param + "'")
                .hasMessageContaining(problem);
    }
}
