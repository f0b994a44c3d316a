package io.campaignkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The one line the runner logs when the store is unavailable: every cause's message once, in order,
 * line breaks folded, so an operator sees "what failed: why" without a stack trace.
 */
class RunnerFailureTextTest {

    @Test
    void theMessagesOfAFailureAndItsCausesMakeOneLine() {
        Exception failure = new IllegalStateException(
                "claiming recipients of c1 failed",
                new IllegalArgumentException("Connection refused", new IOException("connect timed out")));

        assertThat(CampaignRunner.causes(failure))
                .isEqualTo("claiming recipients of c1 failed: Connection refused: connect timed out");
    }

    @Test
    void aMessageAlreadySaidBlankMessagesAndLineBreaksAreLeftOut() {
        Exception failure = new IllegalStateException(
                "  store failed  ",
                new RuntimeException(
                        "   ",
                        new IllegalArgumentException(
                                "store failed", new IOException("FATAL: terminating\n  connection\r\n"))));

        assertThat(CampaignRunner.causes(failure)).isEqualTo("store failed: FATAL: terminating connection");
    }

    @Test
    void aFailureWithoutAnyMessageIsNamedByItsClass() {
        assertThat(CampaignRunner.causes(new IllegalStateException((String) null, new RuntimeException(""))))
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(CampaignRunner.causes(first)).isEqualTo("first: second");
    }
}
