package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.whatsapp.PerUserLimitAction;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorClassifierTest {

    private static ErrorKind kindOf(int code) {
        return ErrorClassifier.classify(new GraphError(400, code, null, null, null, null), false)
                .kind();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "131026, RECIPIENT_PERMANENT",
        "131050, RECIPIENT_PERMANENT",
        "131021, RECIPIENT_PERMANENT",
        "130472, RECIPIENT_PERMANENT",
        "131030, RECIPIENT_PERMANENT",
        "130429, RATE_LIMITED",
        "80007, RATE_LIMITED",
        "4, RATE_LIMITED",
        "131048, RATE_LIMITED",
        "131049, RECIPIENT_PERMANENT",
        "131056, RECIPIENT_PERMANENT",
        "132000, CONTENT_PERMANENT",
        "132001, CONTENT_PERMANENT",
        "132005, CONTENT_PERMANENT",
        "132007, CONTENT_PERMANENT",
        "132012, CONTENT_PERMANENT",
        "132015, CONTENT_PERMANENT",
        "132016, CONTENT_PERMANENT",
        "100, CONTENT_PERMANENT",
        "131008, CONTENT_PERMANENT",
        "131009, CONTENT_PERMANENT",
        "131051, CONTENT_PERMANENT",
        "131053, CONTENT_PERMANENT",
        "135000, CONTENT_PERMANENT",
        "190, AUTHENTICATION",
        "0, AUTHENTICATION",
        "3, AUTHENTICATION",
        "10, AUTHENTICATION",
        "200, AUTHENTICATION",
        "250, AUTHENTICATION",
        "299, AUTHENTICATION",
        "368, AUTHENTICATION",
        "131031, AUTHENTICATION",
        "131005, AUTHENTICATION",
        "131042, AUTHENTICATION",
        "33, AUTHENTICATION",
        "133010, AUTHENTICATION",
        "131045, AUTHENTICATION",
        "131000, TRANSIENT",
        "131016, TRANSIENT",
        "133004, TRANSIENT",
        "1, TRANSIENT",
        "2, TRANSIENT",
        "131057, TRANSIENT",
        "300, TRANSIENT",
        "199, TRANSIENT"
    })
    void referenceTable(int code, ErrorKind expected) {
        assertThat(kindOf(code)).isEqualTo(expected);
    }

    @Test
    void windowClosedIsRecipientPermanentForFreeFormText() {
        GraphError windowClosed = new GraphError(400, 131047, null, null, null, null);
        assertThat(ErrorClassifier.classify(windowClosed, true).kind()).isEqualTo(ErrorKind.RECIPIENT_PERMANENT);
        assertThat(ErrorClassifier.classify(windowClosed, false).kind()).isEqualTo(ErrorKind.CONTENT_PERMANENT);
    }

    @Test
    void limitsOnOneRecipientNeverHoldTheSenderAndFailItByDefault() {
        for (int code : new int[] {131049, 131056}) {
            assertThat(ErrorClassifier.byCode(code, false).kind())
                    .as("%s", code)
                    .isEqualTo(ErrorKind.RECIPIENT_PERMANENT);
            assertThat(ErrorClassifier.byCode(code, false, PerUserLimitAction.FAIL)
                            .kind())
                    .isEqualTo(ErrorKind.RECIPIENT_PERMANENT);
            assertThat(ErrorClassifier.byCode(code, false, PerUserLimitAction.RETRY_LATER)
                            .kind())
                    .as("%s", code)
                    .isEqualTo(ErrorKind.TRANSIENT);
        }
    }

    @Test
    void retriedMarketingLimitWaitsAtLeastADayAndPairRateSixSeconds() {
        assertThat(ErrorClassifier.byCode(131049, false, PerUserLimitAction.RETRY_LATER)
                        .retryAfter())
                .isEqualTo(Duration.ofHours(24));
        assertThat(ErrorClassifier.byCode(131056, false, PerUserLimitAction.RETRY_LATER)
                        .retryAfter())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(ErrorClassifier.byCode(130429, false).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {999999, 131999, 42})
    void unknownCodeIsTransient(int code) {
        assertThat(kindOf(code)).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void theCodeDecidesNotTheHttpStatus() {
        assertThat(ErrorClassifier.classify(new GraphError(500, 131026, null, null, null, null), false)
                        .kind())
                .isEqualTo(ErrorKind.RECIPIENT_PERMANENT);
        assertThat(ErrorClassifier.classify(new GraphError(400, 130429, null, null, null, null), false)
                        .kind())
                .isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(ErrorClassifier.classify(new GraphError(401, 131000, null, null, null, null), false)
                        .kind())
                .isEqualTo(ErrorKind.TRANSIENT);
    }

    @ParameterizedTest(name = "HTTP {0} without a code -> {1}")
    @CsvSource({
        "500, TRANSIENT",
        "503, TRANSIENT",
        "429, RATE_LIMITED",
        "401, AUTHENTICATION",
        "403, AUTHENTICATION",
        "404, TRANSIENT"
    })
    void statusIsOnlyAFallbackWithoutCode(int status, ErrorKind expected) {
        assertThat(ErrorClassifier.classify(new GraphError(status, null, null, null, null, null), false)
                        .kind())
                .isEqualTo(expected);
    }

    @Test
    void onlyTheThroughputUpgradeWaitsAMinuteBeforeItsRetry() {
        assertThat(ErrorClassifier.byCode(131057, false))
                .isEqualTo(new ErrorClassifier.Classification(ErrorKind.TRANSIENT, Duration.ofSeconds(60)));
        assertThat(ErrorClassifier.byCode(131000, false).retryAfter()).isNull();
        assertThat(ErrorClassifier.byCode(987654, false).retryAfter()).isNull();
    }

    @Test
    void onlyUndeliverableSaysTheContactIsNotOnWhatsApp() {
        assertThat(ErrorClassifier.notOnChannel(131026)).isTrue();
        // outside the service window, a spam limit, a paused template: the contact is on WhatsApp
        for (int code : new int[] {131047, 131049, 131050, 132015, 131000, 0}) {
            assertThat(ErrorClassifier.notOnChannel(code)).as("code %d", code).isFalse();
        }
    }
}
