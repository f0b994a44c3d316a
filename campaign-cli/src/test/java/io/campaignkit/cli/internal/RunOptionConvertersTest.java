package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.template.Binding;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class RunOptionConvertersTest {

    @Test
    void ratesPerSecondAndPerHour() {
        PaceConverter rates = new PaceConverter();

        assertThat(rates.convert("20/s")).isEqualTo(Pace.perSecond(20));
        assertThat(rates.convert("3000/h")).isEqualTo(Pace.perHour(3000));
        assertThat(rates.convert(" 5 / second ")).isEqualTo(Pace.perSecond(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "20", "20/m", "-1/s", "0/s", "5000/s"})
    void badRatesAreRefused(String rate) {
        assertThatThrownBy(() -> new PaceConverter().convert(rate))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining(rate);
    }

    @Test
    void durationsShortOrIso() {
        DurationConverter durations = new DurationConverter();

        assertThat(durations.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(durations.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(durations.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(durations.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(durations.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(durations.convert("0s")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5 minutes", "PT-1S", "-5s"})
    void badDurationsAreRefused(String duration) {
        assertThatThrownBy(() -> new DurationConverter().convert(duration)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void paramsBindNamesFieldsTagsAndLiterals() {
        ParamBinding.Converter params = new ParamBinding.Converter();

        assertThat(params.convert("1=name")).isEqualTo(new ParamBinding(1, Binding.contactName()));
        assertThat(params.convert("1=name:cliente")).isEqualTo(new ParamBinding(1, Binding.contactName("cliente")));
        assertThat(params.convert("2=field:MONTO")).isEqualTo(new ParamBinding(2, Binding.customField("MONTO")));
        assertThat(params.convert("3=tag:ZONA")).isEqualTo(new ParamBinding(3, Binding.valuedTag("ZONA")));
        // a literal keeps its spaces and may contain '='
        assertThat(params.convert("4=text: Hola = hi")).isEqualTo(new ParamBinding(4, Binding.literal(" Hola = hi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "x=name", "0=name", "1=age", "1=field:", "1=text:"})
    void badParamsAreRefused(String param) {
        assertThatThrownBy(() -> new ParamBinding.Converter().convert(param))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void simulationSpecsKeepDefaultsForKeysNotGiven() {
        SimulationSpec.Converter specs = new SimulationSpec.Converter();

        assertThat(specs.convert("deliver=0.9,seed=3")).isEqualTo(new SimulationSpec(0.9, 0.6, 0.2, 3));
        assertThat(specs.convert("")).isEqualTo(SimulationSpec.DEFAULT);
        assertThatThrownBy(() -> specs.convert("deliver=1.5"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("deliver");
        assertThatThrownBy(() -> specs.convert("speed=2"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("speed");
        assertThatThrownBy(() -> specs.convert("read=lots")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void activeHoursDefaultToSmartChatsAndFollowTheZone() {
        assertThat(RunCommand.activeHours(null, null).toText()).isEqualTo("MON-SUN 08:00-21:00");
        assertThat(RunCommand.activeHours(null, null).zone()).hasToString("-05:00");
        assertThat(RunCommand.activeHours(null, "America/Mexico_City").zone()).hasToString("America/Mexico_City");
        assertThat(RunCommand.activeHours("MON-FRI 08:00-21:00; SAT 09:00-14:00", "UTC")
                        .weeklyHours())
                .hasSize(6);
        assertThatThrownBy(() -> RunCommand.activeHours("MON 25:00-26:00", null))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--hours");
        assertThatThrownBy(() -> RunCommand.activeHours(null, "Nowhere/City"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--zone");
    }

    @Test
    void jdbcUrlsAreShownWithTheirPasswordsMasked() {
        assertThat(CliStore.redact("jdbc:postgresql://db:5432/ck?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ck?user=a&password=***&ssl=true");
        assertThat(CliStore.redact("jdbc:postgresql://a:secret@db/ck")).isEqualTo("jdbc:postgresql://a:***@db/ck");
        assertThat(CliStore.redact("jdbc:h2:./campaigns;USER=sa;PASSWORD=x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./campaigns;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(CliStore.redact("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
    }
}
