package io.campaignkit.channel.twilio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import io.campaignkit.channel.twilio.FakeTwilioApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SdkMessagesTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String TOKEN = "secret-token";
    private static final URI CALLBACK = URI.create("https://hooks.example.com/twilio/status?ckCorrelationId=c-1");

    private final FakeTwilioApi api = FakeTwilioApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    private TwilioRestClient client(URI base) {
        return SdkMessages.restClient(ACCOUNT, TOKEN, base, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void posts_sms_with_exact_form_parameters_to_the_override_host() {
        Message message = SdkMessages.create(
                client(api.baseUrl()),
                new MessageRequest(
                        "+5215512345678", "+15005550006", null, "Hola Ana", List.of(), null, null, CALLBACK, 600));

        assertThat(message.getSid()).startsWith("SM");
        FakeTwilioApi.Recorded request = api.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To", List.of("+5215512345678"),
                        "From", List.of("+15005550006"),
                        "Body", List.of("Hola Ana"),
                        "StatusCallback", List.of(CALLBACK.toString()),
                        "ValidityPeriod", List.of("600")));
    }

    @Test
    void posts_whatsapp_content_template_with_media_free_parameters() {
        SdkMessages.create(
                client(api.baseUrl()),
                new MessageRequest(
                        "whatsapp:+5215512345678",
                        null,
                        "MG00000000000000000000000000000001",
                        null,
                        List.of(),
                        "HX00000000000000000000000000000001",
                        "{\"1\":\"Ana\",\"2\":\"12\"}",
                        CALLBACK,
                        null));

        assertThat(api.requests().get(0).form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To", List.of("whatsapp:+5215512345678"),
                        "MessagingServiceSid", List.of("MG00000000000000000000000000000001"),
                        "ContentSid", List.of("HX00000000000000000000000000000001"),
                        "ContentVariables", List.of("{\"1\":\"Ana\",\"2\":\"12\"}"),
                        "StatusCallback", List.of(CALLBACK.toString())));
    }

    @Test
    void posts_every_media_url() {
        SdkMessages.create(
                client(api.baseUrl()),
                new MessageRequest(
                        "whatsapp:+5215512345678",
                        "whatsapp:+14155238886",
                        null,
                        "see",
                        List.of(
                                URI.create("https://cdn.example.com/a.jpg"),
                                URI.create("https://cdn.example.com/b.png")),
                        null,
                        null,
                        null,
                        null));

        assertThat(api.requests().get(0).form().get("MediaUrl"))
                .containsExactly("https://cdn.example.com/a.jpg", "https://cdn.example.com/b.png");
        assertThat(api.requests().get(0).param("From")).isEqualTo("whatsapp:+14155238886");
    }

    @Test
    void a_500_is_returned_after_exactly_one_post() {
        api.alwaysReply(FakeTwilioApi.error(500, 20500, "Internal Server Error"));

        ApiException failure =
                catchThrowableOfType(ApiException.class, () -> SdkMessages.create(client(api.baseUrl()), sms()));

        assertThat(failure.getStatusCode()).isEqualTo(500);
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void a_503_without_body_is_returned_after_exactly_one_post() {
        api.alwaysReply(new FakeTwilioApi.Json(503, ""));

        ApiException failure =
                catchThrowableOfType(ApiException.class, () -> SdkMessages.create(client(api.baseUrl()), sms()));

        assertThat(failure.getStatusCode()).isEqualTo(503);
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void a_connection_lost_after_the_request_left_may_have_been_sent() {
        api.alwaysReply(new FakeTwilioApi.DropConnection());

        TwilioTransportException failure = catchThrowableOfType(
                TwilioTransportException.class, () -> SdkMessages.create(client(api.baseUrl()), sms()));

        assertThat(failure.requestMayHaveBeenSent()).isTrue();
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void a_refused_connection_was_not_sent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TwilioTransportException failure = catchThrowableOfType(
                TwilioTransportException.class,
                () -> SdkMessages.create(client(URI.create("http://localhost:" + closedPort)), sms()));

        assertThat(failure.requestMayHaveBeenSent()).isFalse();
    }

    @Test
    void a_twilio_error_body_gives_its_code() {
        api.alwaysReply(FakeTwilioApi.error(400, 21211, "Invalid 'To' Phone Number"));

        assertThatThrownBy(() -> SdkMessages.create(client(api.baseUrl()), sms()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(21211);
                    assertThat(e.getStatusCode()).isEqualTo(400);
                });
    }

    @Test
    void the_literal_text_null_is_refused_because_the_sdk_would_drop_it() {
        assertThatThrownBy(() -> new MessageRequest(
                        "+15005550006", "+15005550001", null, "null", List.of(), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }

    private static MessageRequest sms() {
        return new MessageRequest("+15005550009", "+15005550006", null, "hi", List.of(), null, null, null, null);
    }
}
