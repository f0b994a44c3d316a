package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3: the phone-number id and token checked online with one Graph call, Meta's answers
 * (as its docs and developers' reports show them) mapped to problems naming the setting; no answer is
 * "not checked", never a refusal; the token never appears.
 */
class WhatsAppCredentialsCheckTest {

    private static final String PNID = "106540352242922";
    private static final String TOKEN = "EAAG-very-secret-token";
    private static final TemplateContent TEMPLATE = TemplateContent.of("pago_pendiente", "es_MX", List.of("{{1}}"));

    /** GET /{phone-number-id}: the fields Meta documents for a business phone number. */
    static final String PHONE_NUMBER = "{\"verified_name\":\"Banco Azul\",\"code_verification_status\":\"VERIFIED\","
            + "\"display_phone_number\":\"+52 55 1234 5678\",\"quality_rating\":\"GREEN\",\"platform_type\":\"CLOUD_API\","
            + "\"throughput\":{\"level\":\"STANDARD\"},\"id\":\"" + PNID + "\"}";
    /** A token Meta cannot parse or that expired. */
    static final String BAD_TOKEN =
            "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token\","
                    + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AbCdEfGh123\"}}";
    /** An id that is no phone number this token can see. */
    static final String NO_SUCH_ID = "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + PNID
            + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation. "
            + "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api\","
            + "\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"AkLl12hQO\"}}";

    private final FakeGraphApi graph = FakeGraphApi.start().lookupsFromScript();
    private WhatsAppCloudAdapter adapter = adapter(graph.baseUrl(), Duration.ofSeconds(5), false);

    @AfterEach
    void stop() {
        adapter.close();
        graph.close();
    }

    private static WhatsAppCloudAdapter adapter(URI baseUrl, Duration requestTimeout, boolean atLaunch) {
        return new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                .phoneNumberId(PNID)
                .accessToken(Secret.of(TOKEN))
                .appSecret(Secret.of("app-secret"))
                .verifyToken(Secret.of("verify"))
                .apiVersion("v24.0")
                .baseUrl(baseUrl)
                .requestTimeout(requestTimeout)
                .checkCredentialsAtLaunch(atLaunch)
                .build());
    }

    private static CredentialsCheck await(CompletionStage<CredentialsCheck> check) throws Exception {
        return check.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acceptedCredentialsNameTheNumberItsVerifiedNameAndQualityWithOneGet() throws Exception {
        graph.enqueue(Response.json(200, PHONE_NUMBER));

        CredentialsCheck check = await(adapter.checkCredentials(PNID));

        assertThat(check)
                .isEqualTo(new CredentialsCheck.Accepted(
                        "phone-number id " + PNID + " is +52 55 1234 5678 (Banco Azul), quality rating GREEN"));
        FakeGraphApi.RecordedRequest request = graph.takeRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path())
                .isEqualTo("/v24.0/" + PNID + "?fields=display_phone_number,verified_name,quality_rating");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(graph.requestCount()).isZero();
    }

    @Test
    void aTokenMetaRefusesNamesTheAccessTokenSettingAndNotTheToken() throws Exception {
        graph.enqueue(Response.json(401, BAD_TOKEN));

        CredentialsCheck check = await(adapter.checkCredentials(PNID));

        assertThat(check).isInstanceOf(CredentialsCheck.Refused.class);
        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.subject()).isEqualTo(PreflightProblem.CREDENTIALS);
            assertThat(problem.problem())
                    .contains("access-token", "code 190", "Cannot parse access token")
                    .doesNotContain(TOKEN);
        });
    }

    @Test
    void aPhoneNumberIdThatDoesNotExistNamesThePhoneNumberIdSetting() throws Exception {
        graph.enqueue(Response.json(400, NO_SUCH_ID));

        CredentialsCheck check = await(adapter.checkCredentials(PNID));

        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
            assertThat(problem.problem())
                    .contains("phone-number-id", PNID, "code 100")
                    .doesNotContain(TOKEN);
        });
    }

    @Test
    void aPlain404IsAnUnknownPhoneNumberId() throws Exception {
        graph.enqueue(Response.json(404, ""));

        assertThat(await(adapter.checkCredentials(PNID)).problems())
                .extracting(PreflightProblem::subject)
                .containsExactly(PreflightProblem.SENDER);
    }

    @Test
    void noAnswerInTimeIsNotCheckedRatherThanRefused() throws Exception {
        adapter.close();
        adapter = adapter(graph.baseUrl(), Duration.ofMillis(300), false);
        graph.enqueue(Response.hang());

        CredentialsCheck check = await(adapter.checkCredentials(PNID));

        assertThat(check)
                .isInstanceOfSatisfying(
                        CredentialsCheck.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason()).contains("did not answer within"));
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsNotCheckedRatherThanRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        adapter.close();
        adapter = adapter(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5), false);

        CredentialsCheck check = await(adapter.checkCredentials(PNID));

        assertThat(check)
                .isInstanceOfSatisfying(
                        CredentialsCheck.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason())
                                .contains("could not connect")
                                .doesNotContain(TOKEN));
    }

    @Test
    void metasOwnOutageChecksNothing() throws Exception {
        graph.enqueue(Response.json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"));

        assertThat(await(adapter.checkCredentials(PNID))).isInstanceOf(CredentialsCheck.NotChecked.class);
    }

    @Test
    void anotherSenderIsRefusedWithoutACall() throws Exception {
        assertThat(await(adapter.checkCredentials("109876543210")).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("109876543210", "phone-number-id"));
        assertThat(graph.requestCount()).isZero();
    }

    @Test
    void thePreflightAsksGraphOnlyWhenTheConfigurationTurnsItOn() throws Exception {
        assertThat(adapter.preflight(new MessagePlan(PNID, TEMPLATE))).isEmpty();
        assertThat(graph.requestCount()).isZero();

        adapter.close();
        adapter = adapter(graph.baseUrl(), Duration.ofSeconds(5), true);
        graph.enqueue(Response.json(401, BAD_TOKEN));
        assertThat(adapter.preflight(new MessagePlan(PNID, TEMPLATE)))
                .extracting(PreflightProblem::subject)
                .containsExactly(PreflightProblem.CREDENTIALS);

        graph.enqueue(Response.json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"));
        assertThat(adapter.preflight(new MessagePlan(PNID, TEMPLATE)))
                .as("not checked refuses nothing")
                .isEmpty();

        graph.enqueue(Response.json(200, PHONE_NUMBER));
        assertThat(adapter.preflight(new MessagePlan(PNID, TEMPLATE))).isEmpty();
    }

    @Test
    void theSettingTurnsTheCheckAtLaunchOn() {
        WhatsAppCloudConfig config =
                WhatsAppCloudConfig.fromSettings(io.campaignkit.channel.ChannelSettings.of(java.util.Map.of(
                        "phone-number-id",
                        PNID,
                        "access-token",
                        TOKEN,
                        "app-secret",
                        "s",
                        "verify-token",
                        "v",
                        "check-credentials-at-launch",
                        "true")));

        assertThat(config.checkCredentialsAtLaunch()).isTrue();
        assertThat(config.toString()).contains("checkCredentialsAtLaunch=true").doesNotContain(TOKEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        WhatsAppCloudConfig.fromSettings(io.campaignkit.channel.ChannelSettings.of(java.util.Map.of(
                                "phone-number-id",
                                PNID,
                                "access-token",
                                TOKEN,
                                "app-secret",
                                "s",
                                "verify-token",
                                "v",
                                "check-credentials-at-launch",
                                "yes"))))
                .hasMessageContaining("check-credentials-at-launch")
                .hasMessageNotContaining(TOKEN);
    }
}
