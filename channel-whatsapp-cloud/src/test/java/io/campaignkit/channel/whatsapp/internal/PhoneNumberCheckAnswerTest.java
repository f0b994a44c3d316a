package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What Meta's answer to the phone-number lookup means, at the edges of its ranges: a 2xx status (and
 * only that) with an id accepts; the permission codes 200 to 299 refuse the token for that number;
 * without an error code, HTTP 401 blames the token and 404 the number.
 */
class PhoneNumberCheckAnswerTest {

    private static final byte[] NUMBER = bytes("{'id':'PNID','display_phone_number':'+52 55 1234 5678',"
            + "'verified_name':'Acme','quality_rating':'GREEN'}");

    private final PhoneNumberCheck check = new PhoneNumberCheck(
            null,
            URI.create("https://graph.example/"),
            "v21.0",
            "TOKEN",
            Duration.ofSeconds(1),
            new ObjectMapper(),
            Runnable::run);

    private static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] error(int code) {
        return bytes("{'error':{'message':'no','type':'OAuthException','code':" + code + ",'fbtrace_id':'T'}}");
    }

    private static String subjectOf(CredentialsCheck answer) {
        assertThat(answer).isInstanceOf(CredentialsCheck.Refused.class);
        return ((CredentialsCheck.Refused) answer).problems().get(0).subject();
    }

    @Test
    void onlyA2xxAnswerWithAnIdAcceptsTheNumber() {
        assertThat(check.answer(200, NUMBER, "PNID")).isInstanceOf(CredentialsCheck.Accepted.class);
        assertThat(check.answer(299, NUMBER, "PNID"))
                .isEqualTo(new CredentialsCheck.Accepted(
                        "phone-number id PNID is +52 55 1234 5678 (Acme), quality rating GREEN"));
        assertThat(check.answer(199, NUMBER, "PNID")).isInstanceOf(CredentialsCheck.NotChecked.class);
        assertThat(check.answer(300, NUMBER, "PNID")).isInstanceOf(CredentialsCheck.NotChecked.class);
        assertThat(check.answer(200, bytes("{'display_phone_number':'x'}"), "PNID"))
                .isEqualTo(new CredentialsCheck.NotChecked("Graph answered HTTP 200 without a phone number"));
    }

    @Test
    void thePermissionCodesRefuseTheTokenForThisNumber() {
        for (int code : new int[] {3, 10, 200, 250, 299}) {
            CredentialsCheck answer = check.answer(403, error(code), "PNID");
            assertThat(subjectOf(answer)).as("code %d", code).isEqualTo(PreflightProblem.CREDENTIALS);
            assertThat(((CredentialsCheck.Refused) answer).problems().get(0).problem())
                    .as("code %d", code)
                    .contains("may not use phone-number id PNID");
        }
        assertThat(check.answer(403, error(199), "PNID")).isInstanceOf(CredentialsCheck.NotChecked.class);
        assertThat(check.answer(403, error(300), "PNID")).isInstanceOf(CredentialsCheck.NotChecked.class);
    }

    @Test
    void withoutACodeTheHttpStatusDecidesAndACodeWinsOverTheStatus() {
        assertThat(subjectOf(check.answer(401, new byte[0], "PNID"))).isEqualTo(PreflightProblem.CREDENTIALS);
        assertThat(subjectOf(check.answer(404, bytes("not json"), "PNID"))).isEqualTo(PreflightProblem.SENDER);
        assertThat(subjectOf(check.answer(400, error(190), "PNID"))).isEqualTo(PreflightProblem.CREDENTIALS);
        assertThat(subjectOf(check.answer(401, error(100), "PNID"))).isEqualTo(PreflightProblem.SENDER);
        assertThat(subjectOf(check.answer(404, error(102), "PNID"))).isEqualTo(PreflightProblem.CREDENTIALS);
        assertThat(check.answer(401, error(1), "PNID")).isInstanceOf(CredentialsCheck.NotChecked.class);
        assertThat(check.answer(500, new byte[0], "PNID")).isInstanceOf(CredentialsCheck.NotChecked.class);
    }

    @Test
    void anAnswerThatRepeatsTheTokenIsToldWithTheTokenMasked() {
        CredentialsCheck answer = check.answer(
                400,
                bytes("{'error':{'message':'Malformed access token TOKEN','type':'OAuthException','code':1}}"),
                "PNID");

        assertThat(answer).isInstanceOf(CredentialsCheck.NotChecked.class);
        assertThat(answer.toString()).contains("Malformed access token ****").doesNotContain("TOKEN");
    }
}
