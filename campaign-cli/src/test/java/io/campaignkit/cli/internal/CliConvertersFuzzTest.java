package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Fuzzes the CLI's option readers (issue 19): {@code --rate}, {@code --hours} with {@code --zone},
 * {@code --param}, {@code --field}, {@code --tag}, {@code --simulate}, {@code --channel} and the
 * durations. Each gives a value or its usage error (picocli's {@link TypeConversionException},
 * or {@link CliException} for the hours), never another exception, and quickly.
 *
 * <p>Input layout: the last byte picks the reader (0 rate, 1 duration, 2 param, 3 field, 4 tag,
 * 5 simulate, 6 channel, 7 hours); for the hours, a zone of up to 40 characters comes first; the
 * rest is the option's text. The seeds in {@code CliConvertersFuzzTestInputs/} are the values the
 * README and the other tests use. {@code JAZZER_FUZZ=1} fuzzes (see the module README).
 */
class CliConvertersFuzzTest {

    private static final ITypeConverter<?>[] CONVERTERS = {
        new PaceConverter(),
        new DurationConverter(),
        new ParamBinding.Converter(),
        new FieldDefinitionConverter(),
        new TagColumn.Converter(),
        new SimulationSpec.Converter(),
        new ChannelOptions.ChannelConverter(),
    };

    @FuzzTest(maxDuration = "2m")
    @Timeout(5)
    void anyOptionTextGivesAValueOrAUsageError(FuzzedDataProvider data) throws Exception {
        int reader = data.consumeInt(0, CONVERTERS.length);
        if (reader == CONVERTERS.length) {
            String zone = data.consumeBoolean() ? data.consumeString(40) : null;
            String hours = data.consumeRemainingAsString();
            try {
                assertThat(RunCommand.activeHours(hours, zone)).isNotNull();
            } catch (CliException usage) {
                assertThat(usage.getMessage()).isNotBlank();
            }
            return;
        }
        String text = data.consumeRemainingAsString();
        try {
            assertThat((Object) CONVERTERS[reader].convert(text)).isNotNull();
        } catch (TypeConversionException usage) {
            assertThat(usage.getMessage()).isNotBlank();
        }
    }
}
