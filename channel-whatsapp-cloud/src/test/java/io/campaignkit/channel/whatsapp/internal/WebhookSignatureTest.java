package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] SECRET = "app-secret".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void knownVector() {
        // echo -n '{"a":1}' | openssl dgst -sha256 -hmac app-secret
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.headerValueFor(body))
                .isEqualTo("sha256=a2ac6607a24977f9757e6d78319ae1660ad42ffeee0ee3f0dff30a92bcf85448");
        assertThat(signature.matches(body, signature.headerValueFor(body))).isTrue();
    }

    @Test
    void missingOrMalformedHeaderIsRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String valid = signature.headerValueFor(body);
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "")).isFalse();
        assertThat(signature.matches(body, valid.substring("sha256=".length()))).isFalse();
        assertThat(signature.matches(body, "sha1=" + valid.substring("sha256=".length())))
                .isFalse();
        assertThat(signature.matches(body, valid.substring(0, valid.length() - 2)))
                .isFalse();
        assertThat(signature.matches(body, valid.substring(0, valid.length() - 1) + "g"))
                .isFalse();
    }

    @Test
    void uppercaseHexAndPrefixAreAccepted() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.matches(body, signature.headerValueFor(body).toUpperCase()))
                .isTrue();
    }

    @Test
    void anotherSecretDoesNotMatch() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = new WebhookSignature("other".getBytes(StandardCharsets.UTF_8)).headerValueFor(body);
        assertThat(signature.matches(body, header)).isFalse();
    }

    @Test
    void emptySecretIsRefused() {
        assertThatThrownBy(() -> new WebhookSignature(new byte[0])).hasMessageContaining("appSecret");
    }

    @Property(tries = 200)
    void anyChangedByteBreaksTheSignature(@ForAll("bodies") byte[] body, @ForAll int position, @ForAll byte delta) {
        String header = signature.headerValueFor(body);
        assertThat(signature.matches(body, header)).isTrue();
        if (body.length == 0 || delta == 0) {
            return;
        }
        byte[] tampered = body.clone();
        int index = Math.floorMod(position, body.length);
        tampered[index] = (byte) (tampered[index] + delta);
        assertThat(signature.matches(tampered, header)).isFalse();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
    }
}
