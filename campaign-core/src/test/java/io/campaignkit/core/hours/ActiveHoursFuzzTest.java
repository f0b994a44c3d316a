package io.campaignkit.core.hours;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the active-hours text form (issue 19): any text gives hours that read back the same, or
 * {@link InvalidActiveHoursException}; nothing else, and quickly. The build replays the corpus in
 * {@code ActiveHoursFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see the module README).
 */
class ActiveHoursFuzzTest {

    @FuzzTest(maxDuration = "2m")
    @Timeout(5)
    void anyTextParsesOrIsRefusedWithItsOwnError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ActiveHours hours;
        try {
            hours = ActiveHours.parse(text, ZoneOffset.ofHours(-6));
        } catch (InvalidActiveHoursException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.index()).isBetween(0, text.length());
            return;
        }
        assertThat(ActiveHours.parse(hours.toText(), hours.zone())).isEqualTo(hours);
    }
}
