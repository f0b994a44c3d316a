package io.campaignkit.channel.twilio.internal;

import static io.campaignkit.channel.SendErrorClass.AUTHENTICATION;
import static io.campaignkit.channel.SendErrorClass.RATE_LIMITED;
import static io.campaignkit.channel.SendErrorClass.RECIPIENT_PERMANENT;
import static io.campaignkit.channel.SendErrorClass.UNKNOWN_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import org.junit.jupiter.api.Test;

class TwilioErrorCodesTest {

    @Test
    void any_5xx_is_an_unknown_outcome_whatever_the_code() {
        assertThat(TwilioErrorCodes.classifyApiError(21211, 500)).isEqualTo(UNKNOWN_OUTCOME);
        assertThat(TwilioErrorCodes.classifyApiError(null, 503)).isEqualTo(UNKNOWN_OUTCOME);
    }

    @Test
    void without_a_known_code_the_http_status_decides() {
        assertThat(TwilioErrorCodes.classifyApiError(null, 401)).isEqualTo(AUTHENTICATION);
        assertThat(TwilioErrorCodes.classifyApiError(20403, 403)).isEqualTo(AUTHENTICATION);
        assertThat(TwilioErrorCodes.classifyApiError(null, 429)).isEqualTo(RATE_LIMITED);
        assertThat(TwilioErrorCodes.classifyApiError(21999, 400)).isEqualTo(RECIPIENT_PERMANENT);
        assertThat(TwilioErrorCodes.classifyApiError(null, null)).isEqualTo(UNKNOWN_OUTCOME);
    }

    @Test
    void the_issue_wins_over_the_reference_where_they_differ() {
        assertThat(TwilioErrorCodes.classOf(63016)).contains(RECIPIENT_PERMANENT);
        assertThat(TwilioErrorCodes.classOf(21408)).contains(SendErrorClass.CONTENT_PERMANENT);
        assertThat(TwilioErrorCodes.classOf(30032)).contains(SendErrorClass.CONTENT_PERMANENT);
        assertThat(TwilioErrorCodes.classOf(30034)).contains(SendErrorClass.CONTENT_PERMANENT);
    }

    @Test
    void metas_per_user_marketing_limit_fails_that_recipient_and_holds_nothing() {
        assertThat(TwilioErrorCodes.classOf(63049)).contains(RECIPIENT_PERMANENT);
        assertThat(TwilioErrorCodes.classifyDeliveryError(63049)).isEqualTo(RECIPIENT_PERMANENT);
    }

    @Test
    void asynchronous_failures_default_to_the_recipient() {
        assertThat(TwilioErrorCodes.classifyDeliveryError(null)).isEqualTo(RECIPIENT_PERMANENT);
        assertThat(TwilioErrorCodes.classifyDeliveryError(12345)).isEqualTo(RECIPIENT_PERMANENT);
        assertThat(TwilioErrorCodes.classifyDeliveryError(30008)).isEqualTo(SendErrorClass.TRANSIENT);
    }
}
