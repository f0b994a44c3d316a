package io.campaignkit.channel.twilio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    /** The SDK's published test vector (twilio-java RequestValidatorTest). */
    private static final String TOKEN = "12345";

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private static final Map<String, String> PARAMS = Map.of(
            "Digits",
            "1234",
            "CallSid",
            "CA1234567890ABCDE",
            "To",
            "+18005551212",
            "Caller",
            "+14158675309",
            "From",
            "+14158675309");

    @Test
    void accepts_the_sdk_test_vector() {
        assertThat(new SignatureVerifier(TOKEN, null).isValid(URI.create(URL), PARAMS, SIGNATURE))
                .isTrue();
    }

    @Test
    void rejects_a_tampered_parameter_url_token_or_missing_signature() {
        Map<String, String> tampered = new HashMap<>(PARAMS);
        tampered.put("Digits", "1235");
        assertThat(new SignatureVerifier(TOKEN, null).isValid(URI.create(URL), tampered, SIGNATURE))
                .isFalse();
        assertThat(new SignatureVerifier(TOKEN, null)
                        .isValid(URI.create("https://mycompany.com/myapp.php?foo=1&bar=3"), PARAMS, SIGNATURE))
                .isFalse();
        assertThat(new SignatureVerifier("54321", null).isValid(URI.create(URL), PARAMS, SIGNATURE))
                .isFalse();
        assertThat(new SignatureVerifier(TOKEN, null).isValid(URI.create(URL), PARAMS, null))
                .isFalse();
        assertThat(new SignatureVerifier(TOKEN, null).isValid(URI.create(URL), PARAMS, " "))
                .isFalse();
    }

    @Test
    void behind_a_proxy_checks_the_public_url_twilio_called() {
        URI received = URI.create("http://10.0.0.7:8080/myapp.php?foo=1&bar=2");

        assertThat(new SignatureVerifier(TOKEN, null).isValid(received, PARAMS, SIGNATURE))
                .isFalse();
        assertThat(new SignatureVerifier(TOKEN, URI.create("https://mycompany.com/"))
                        .isValid(received, PARAMS, SIGNATURE))
                .isTrue();
    }

    @Test
    void the_public_base_may_carry_a_path_prefix_the_proxy_strips() {
        SignatureVerifier verifier = new SignatureVerifier(TOKEN, URI.create("https://hooks.example.com/messaging"));

        assertThat(verifier.publicUrl(URI.create("http://app:8080/twilio/status?ckCorrelationId=a%2Fb")))
                .isEqualTo("https://hooks.example.com/messaging/twilio/status?ckCorrelationId=a%2Fb");
    }
}
