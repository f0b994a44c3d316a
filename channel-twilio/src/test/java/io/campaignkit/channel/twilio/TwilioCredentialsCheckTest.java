package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.TextContent;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3: the account and the sender itself checked online (short codes and WhatsApp senders too), its answers mapped to
 * problems naming the setting; no answer is "not checked", never a refusal; the auth token never appears
 * (not even the one Twilio's account resource echoes back).
 */
class TwilioCredentialsCheckTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "0123456789abcdef-secret-token";
    private static final String NUMBER = "+15005550006";

    /** GET /2010-04-01/Accounts/{Sid}.json, as Twilio answers it (with the auth token in it). */
    private static final String ACCOUNT_BODY =
            "{\"auth_token\":\"" + TOKEN + "\",\"date_created\":\"Thu, 30 Jul 2015 20:00:00 +0000\","
                    + "\"date_updated\":\"Thu, 30 Jul 2015 20:00:00 +0000\",\"friendly_name\":\"Banco Azul\",\"owner_account_sid\":\""
                    + ACCOUNT + "\",\"sid\":\"" + ACCOUNT
                    + "\",\"status\":\"active\",\"type\":\"Full\",\"uri\":\"/2010-04-01/Accounts/"
                    + ACCOUNT + ".json\"}";

    private static final String NUMBERS_URI = "/2010-04-01/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers.json";

    private final FakeTwilioApi api = FakeTwilioApi.start();
    private final List<TwilioChannelAdapter> adapters = new ArrayList<>();

    @AfterEach
    void stop() {
        adapters.forEach(TwilioChannelAdapter::close);
        api.close();
    }

    private TwilioChannelAdapter adapter(String sender, UnaryOperator<TwilioConfig.Builder> more) {
        TwilioChannelAdapter adapter = TwilioChannelAdapter.create(more.apply(TwilioConfig.custom()
                        .accountSid(ACCOUNT)
                        .authToken(TOKEN)
                        .sender(sender)
                        .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
                        .apiBaseUrl(api.baseUrl())
                        .requestTimeout(Duration.ofSeconds(2)))
                .build());
        adapters.add(adapter);
        return adapter;
    }

    private static CredentialsCheck await(CompletionStage<CredentialsCheck> check) throws Exception {
        return check.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String numbersPage(String... numbers) {
        StringBuilder records = new StringBuilder();
        for (String number : numbers) {
            records.append(records.length() == 0 ? "" : ",")
                    .append("{\"account_sid\":\"")
                    .append(ACCOUNT)
                    .append("\",\"friendly_name\":\"(500) 555-0006\",\"phone_number\":\"")
                    .append(number)
                    .append(
                            "\",\"sid\":\"PN0123456789abcdef0123456789abcdef\",\"status\":\"in-use\","
                                    + "\"date_created\":\"Thu, 30 Jul 2015 20:00:00 +0000\",\"date_updated\":\"Thu, 30 Jul 2015 20:00:00 +0000\"}");
        }
        String uri = NUMBERS_URI + "?PhoneNumber=%2B15005550006&PageSize=1&Page=0";
        return "{\"end\":0,\"first_page_uri\":\"" + uri + "\",\"incoming_phone_numbers\":[" + records
                + "],\"next_page_uri\":null,\"page\":0,\"page_size\":1,\"previous_page_uri\":null,\"start\":0,\"uri\":\""
                + uri + "\"}";
    }

    @Test
    void aNumberOfTheAccountIsAcceptedWithOneLookup() throws Exception {
        api.thenReply(new FakeTwilioApi.Json(200, numbersPage(NUMBER)));

        CredentialsCheck check = await(adapter(NUMBER, b -> b).checkCredentials(NUMBER));

        assertThat(check)
                .isInstanceOfSatisfying(
                        CredentialsCheck.Accepted.class,
                        accepted -> assertThat(accepted.detail()).contains(NUMBER, ACCOUNT));
        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo(NUMBERS_URI);
            assertThat(request.query()).contains("PhoneNumber=+15005550006");
            assertThat(request.authorization()).startsWith("Basic ");
        });
    }

    @Test
    void aNumberTheAccountDoesNotHaveNamesTheSenderSetting() throws Exception {
        api.thenReply(new FakeTwilioApi.Json(200, numbersPage()));

        assertThat(await(adapter(NUMBER, b -> b).checkCredentials(NUMBER)).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                    assertThat(problem.problem()).contains("has no phone number " + NUMBER, "setting sender");
                });
    }

    @Test
    void refusedCredentialsNameTheAccountSidAndAuthTokenSettingsNotTheToken() throws Exception {
        api.thenReply(FakeTwilioApi.error(401, 20003, "Authenticate"));

        CredentialsCheck check = await(adapter(NUMBER, b -> b).checkCredentials(NUMBER));

        assertThat(check).isInstanceOf(CredentialsCheck.Refused.class);
        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.subject()).isEqualTo(PreflightProblem.CREDENTIALS);
            assertThat(problem.problem())
                    .contains("account-sid", "auth-token", "20003")
                    .doesNotContain(TOKEN);
        });
    }

    @Test
    void aMessagingServiceIsFetchedAndAnUnknownOneNamesTheSenderSetting() throws Exception {
        TwilioChannelAdapter adapter = adapter(SERVICE, b -> b);
        api.thenReply(
                new FakeTwilioApi.Json(
                        200,
                        "{\"account_sid\":\"" + ACCOUNT + "\",\"friendly_name\":\"Cobranza\",\"sid\":\""
                                + SERVICE
                                + "\",\"date_created\":\"2015-07-30T20:12:31Z\",\"date_updated\":\"2015-07-30T20:12:33Z\","
                                + "\"url\":\"https://messaging.twilio.com/v1/Services/" + SERVICE + "\"}"),
                FakeTwilioApi.error(404, 20404, "The requested resource /Services/" + SERVICE + " was not found"));

        assertThat(await(adapter.checkCredentials(SERVICE)))
                .isInstanceOfSatisfying(
                        CredentialsCheck.Accepted.class,
                        accepted -> assertThat(accepted.detail()).contains(SERVICE, "Cobranza"));
        assertThat(api.requests().get(0).path()).isEqualTo("/v1/Services/" + SERVICE);

        assertThat(await(adapter.checkCredentials(SERVICE)).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                    assertThat(problem.problem())
                            .contains("no Messaging Service " + SERVICE, "setting sender", "20404");
                });
    }

    /** GET messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp, one page as the Senders API answers it. */
    private static String sendersPage(String next, String... senderAndStatus) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < senderAndStatus.length; i += 2) {
            records.append(records.length() == 0 ? "" : ",")
                    .append("{\"sid\":\"XE0123456789abcdef0123456789abcde")
                    .append(i)
                    .append("\",\"status\":\"")
                    .append(senderAndStatus[i + 1])
                    .append("\",\"sender_id\":\"")
                    .append(senderAndStatus[i])
                    .append("\",\"url\":\"https://messaging.twilio.com/v2/Channels/Senders/XE0\"}");
        }
        String url = "https://messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp&PageSize=50&Page=0";
        return "{\"senders\":[" + records + "],\"meta\":{\"page\":0,\"page_size\":50,\"first_page_url\":\""
                + url + "\",\"previous_page_url\":null,\"url\":\"" + url + "\",\"next_page_url\":"
                + (next == null ? "null" : "\"" + next + "\"") + ",\"key\":\"senders\"}}";
    }

    @Test
    void aWhatsAppSenderIsLookedUpAmongTheAccountsWhatsAppSendersAndMustBeOnline() throws Exception {
        String sender = "whatsapp:" + NUMBER;
        TwilioChannelAdapter adapter = adapter(sender, b -> b);
        api.thenReply(
                new FakeTwilioApi.Json(200, sendersPage(null, "whatsapp:+15005550001", "ONLINE", sender, "ONLINE")),
                new FakeTwilioApi.Json(200, sendersPage(null, sender, "OFFLINE")),
                new FakeTwilioApi.Json(200, sendersPage(null, "whatsapp:+15005550001", "ONLINE")));

        assertThat(await(adapter.checkCredentials(sender)))
                .isInstanceOfSatisfying(
                        CredentialsCheck.Accepted.class,
                        accepted -> assertThat(accepted.detail()).contains(sender, "ONLINE"));
        assertThat(api.requests().get(0).method()).isEqualTo("GET");
        assertThat(api.requests().get(0).path()).isEqualTo("/v2/Channels/Senders");
        assertThat(api.requests().get(0).query()).contains("Channel=whatsapp");

        assertThat(await(adapter.checkCredentials(sender)).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                    assertThat(problem.problem()).contains(sender, "OFFLINE", "setting sender");
                });
        assertThat(await(adapter.checkCredentials(sender)).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                    assertThat(problem.problem()).contains("no WhatsApp sender " + sender, "setting sender");
                });
    }

    @Test
    void aWhatsAppSenderOnALaterPageIsFound() throws Exception {
        TwilioChannelAdapter adapter = adapter("whatsapp:" + NUMBER, b -> b);
        String next = "https://messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp&PageSize=50&Page=1";
        api.thenReply(
                new FakeTwilioApi.Json(200, sendersPage(next, "whatsapp:+15005550001", "ONLINE")),
                new FakeTwilioApi.Json(200, sendersPage(null, "whatsapp:" + NUMBER, "ONLINE:UPDATING")));

        assertThat(await(adapter.checkCredentials("whatsapp:" + NUMBER))).isInstanceOf(CredentialsCheck.Accepted.class);
        assertThat(api.requests()).hasSize(2);
        assertThat(api.requests().get(1).query()).contains("Page=1");
    }

    @Test
    void theSharedWhatsAppSandboxChecksTheAccountWhoseAnswerHoldsTheTokenWithoutRepeatingIt() throws Exception {
        String sandbox = "whatsapp:+14155238886";
        TwilioChannelAdapter adapter = adapter(sandbox, b -> b);
        api.thenReply(
                new FakeTwilioApi.Json(200, ACCOUNT_BODY),
                FakeTwilioApi.error(
                        404, 20404, "The requested resource /2010-04-01/Accounts/" + ACCOUNT + ".json was not found"));

        CredentialsCheck accepted = await(adapter.checkCredentials(sandbox));
        assertThat(accepted).isInstanceOf(CredentialsCheck.Accepted.class);
        assertThat(accepted.toString()).contains("Banco Azul").doesNotContain(TOKEN);
        assertThat(api.requests().get(0).path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + ".json");

        assertThat(await(adapter.checkCredentials(sandbox)).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.CREDENTIALS);
                    assertThat(problem.problem()).contains("account-sid", "20404");
                });
    }

    /** A sender of type SHORT_CODE (written +digits, as the configuration takes it) is looked up by its digits. */
    @Test
    void aShortCodeIsLookedUpAmongTheAccountsShortCodes() throws Exception {
        TwilioChannelAdapter adapter = adapter("+8989812", b -> b.senderType(TwilioSenderType.SHORT_CODE));
        String uri = "/2010-04-01/Accounts/" + ACCOUNT + "/SMS/ShortCodes.json?ShortCode=8989812&PageSize=1&Page=0";
        String page = "{\"end\":0,\"first_page_uri\":\"" + uri + "\",\"next_page_uri\":null,\"page\":0,"
                + "\"page_size\":1,\"previous_page_uri\":null,\"short_codes\":[%s],\"start\":0,\"uri\":\"" + uri
                + "\"}";
        api.thenReply(
                new FakeTwilioApi.Json(
                        200,
                        page.formatted("{\"account_sid\":\"" + ACCOUNT + "\",\"friendly_name\":\"Cobranza corta\","
                                + "\"short_code\":\"8989812\",\"sid\":\"SC0123456789abcdef0123456789abcdef\"}")),
                new FakeTwilioApi.Json(200, page.formatted("")));

        assertThat(await(adapter.checkCredentials("+8989812")))
                .isInstanceOfSatisfying(
                        CredentialsCheck.Accepted.class,
                        accepted -> assertThat(accepted.detail()).contains("8989812", "Cobranza corta"));
        assertThat(api.requests().get(0).path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/SMS/ShortCodes.json");
        assertThat(api.requests().get(0).query()).contains("ShortCode=8989812");

        assertThat(await(adapter.checkCredentials("+8989812")).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                    assertThat(problem.problem()).contains("no short code 8989812", "setting sender");
                });
    }

    @Test
    void noAnswerInTimeIsNotCheckedRatherThanRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            TwilioChannelAdapter adapter = adapter(NUMBER, b -> b.requestTimeout(Duration.ofMillis(300)));
            api.thenReply(new FakeTwilioApi.Hold(release));

            CredentialsCheck check = await(adapter.checkCredentials(NUMBER));

            assertThat(check)
                    .isInstanceOfSatisfying(
                            CredentialsCheck.NotChecked.class,
                            notChecked -> assertThat(notChecked.reason())
                                    .contains("not checked")
                                    .doesNotContain(TOKEN));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRefusedConnectionIsNotCheckedRatherThanRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioChannelAdapter adapter = adapter(NUMBER, b -> b.apiBaseUrl(URI.create("http://localhost:" + closedPort)));

        CredentialsCheck check = await(adapter.checkCredentials(NUMBER));

        assertThat(check)
                .isInstanceOfSatisfying(
                        CredentialsCheck.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason()).contains("could not connect"));
    }

    @Test
    void twiliosOwnOutageChecksNothing() throws Exception {
        api.thenReply(new FakeTwilioApi.Json(503, "<html>Service Unavailable</html>"));

        assertThat(await(adapter(NUMBER, b -> b).checkCredentials(NUMBER)))
                .isInstanceOf(CredentialsCheck.NotChecked.class);
    }

    @Test
    void thePreflightAsksTwilioOnlyWhenTheConfigurationTurnsItOn() {
        MessagePlan plan = new MessagePlan(NUMBER, TextContent.of("Hola {{1}}"));
        assertThat(adapter(NUMBER, b -> b).preflight(plan)).isEmpty();
        assertThat(api.requests()).isEmpty();

        TwilioChannelAdapter checking = adapter(NUMBER, b -> b.checkCredentialsAtLaunch(true));
        api.thenReply(FakeTwilioApi.error(401, 20003, "Authenticate"));
        assertThat(checking.preflight(plan))
                .extracting(PreflightProblem::subject)
                .containsExactly(PreflightProblem.CREDENTIALS);

        api.thenReply(new FakeTwilioApi.Json(503, "<html>Service Unavailable</html>"));
        assertThat(checking.preflight(plan)).as("not checked refuses nothing").isEmpty();
    }

    @Test
    void anotherSenderIsRefusedWithoutACall() throws Exception {
        assertThat(await(adapter(NUMBER, b -> b).checkCredentials("+15005550001"))
                        .problems())
                .extracting(PreflightProblem::subject)
                .containsExactly(PreflightProblem.SENDER);
        assertThat(api.requests()).isEmpty();
    }
}
