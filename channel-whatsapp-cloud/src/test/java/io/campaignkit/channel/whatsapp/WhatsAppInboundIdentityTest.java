package io.campaignkit.channel.whatsapp;

import static io.campaignkit.channel.whatsapp.fake.MetaWebhooks.message;
import static io.campaignkit.channel.whatsapp.fake.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.Secret;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who a webhook says wrote (issue 14 items 2, 6, 7 and 19): Meta's own id forms normalized to E.164,
 * username-only users, marketing preference changes, and malformed senders, ids and times reported
 * rather than dropped or passed through.
 *
 * <p>Fixtures under {@code src/test/resources/meta/} are real webhook bodies, kept verbatim:
 * {@code mexican-text.json} is an incoming message captured and published in a public project's
 * WhatsApp webhook documentation (its wamid encodes the same {@code 521...} number);
 * {@code bsuid-text.json} is a captured incoming message with {@code from_user_id} from a public
 * project's test script (April 2026 BSUID rollout); {@code user-preferences-resume.json} is the example
 * of Meta's {@code user_preferences} webhook reference
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/user_preferences).
 */
class WhatsAppInboundIdentityTest {

    private static final String APP_SECRET = "meta-app-secret";
    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    private static List<ChannelEvent> accepted(String phoneNumberId, byte[] body) {
        WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                .phoneNumberId(phoneNumberId)
                .accessToken(Secret.of("token"))
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of("verify"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build());
        WebhookResult result = adapter.handleWebhook(new MetaWebhooks(APP_SECRET, phoneNumberId).signedBytes(body));
        assertThat(result.status()).as("status, body %s", result.body()).isEqualTo(200);
        return result.events();
    }

    private static List<ChannelEvent> accepted(String phoneNumberId, String singleQuotedJson) {
        return accepted(phoneNumberId, singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        try (InputStream in = WhatsAppInboundIdentityTest.class.getResourceAsStream("/meta/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ item 2: Meta's id forms

    @Test
    void aMexicanReplyComesFromTheCurrentE164Number() {
        List<ChannelEvent> events = accepted("468853166319123", bytes(fixture("mexican-text.json")));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class, inbound -> {
            assertThat(inbound.from()).isEqualTo("+524428968441");
            assertThat(inbound.text()).contains("Thanks");
        });
    }

    @Test
    void aMexicanUserWhoStoppedMarketingIsAnOptOutOfTheCurrentNumber() {
        List<ChannelEvent> events = accepted(
                "PNID",
                MetaWebhooks.notificationFor(
                        "PNID",
                        status(
                                "wamid.A",
                                "failed",
                                "5215512345678",
                                "'errors':[{'code':131050,'title':'User has stopped marketing messages'}]")));

        assertThat(events)
                .filteredOn(OptOut.class::isInstance)
                .singleElement()
                .extracting(event -> ((OptOut) event).from())
                .isEqualTo("+525512345678");
    }

    @Test
    void aBrazilianMobileWithoutTheNinthDigitGetsIt() {
        List<ChannelEvent> events = accepted(
                "PNID",
                MetaWebhooks.notificationFor(
                        "PNID", message("552164180266", "wamid.BR", "text", "'text':{'body':'oi'}")));

        assertThat(((InboundMessage) events.get(0)).from()).isEqualTo("+5521964180266");
    }

    // ------------------------------------------------------------------ item 6: username-only users

    @Test
    void aUserWithPhoneAndBusinessScopedIdIsKnownByThePhone() {
        InboundMessage inbound = (InboundMessage)
                accepted("1088451004357858", bytes(fixture("bsuid-text.json"))).get(0);

        assertThat(inbound.from()).isEqualTo("+919810218674");
        assertThat(inbound.profileName()).contains("Krish Thakur");
    }

    @Test
    void aUsernameOnlyUserReachesTheEngineFromTheirBusinessScopedId() {
        // Meta leaves out 'from' (and the contact's wa_id) for a user who hides the number behind a username
        String usernameOnly = fixture("bsuid-text.json")
                .replace("\"from\":\"919810218674\",", "")
                .replace("\"wa_id\":\"919810218674\",", "");

        List<ChannelEvent> events = accepted("1088451004357858", bytes(usernameOnly));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class, inbound -> {
            assertThat(inbound.from()).isEqualTo("IN.1410018717833190");
            assertThat(inbound.text()).contains("Hey");
            assertThat(inbound.profileName()).contains("Krish Thakur");
        });
    }

    // ------------------------------------------------------------------ item 7: user_preferences

    @Test
    void resumingMarketingMessagesIsAnOptIn() {
        List<ChannelEvent> events = accepted("106540352242922", bytes(fixture("user-preferences-resume.json")));

        assertThat(events)
                .containsExactly(new OptIn(
                        "+16505551234",
                        "106540352242922",
                        Instant.ofEpochSecond(1731705721L),
                        Optional.of("marketing_messages:resume"),
                        Optional.empty()));
    }

    @Test
    void stoppingMarketingMessagesIsAnOptOut() {
        String stop = fixture("user-preferences-resume.json")
                .replace("\"resume\"", "\"stop\"")
                .replace("resume marketing", "stop marketing");

        List<ChannelEvent> events = accepted("106540352242922", bytes(stop));

        assertThat(events)
                .containsExactly(new OptOut(
                        "+16505551234",
                        "106540352242922",
                        Instant.ofEpochSecond(1731705721L),
                        Optional.of("marketing_messages:stop"),
                        Optional.empty()));
    }

    @Test
    void theOlderSystemMessageFormIsAnOptOutToo() {
        // the form Meta's earlier reference documents: a 'system' message of type user_preference_changed
        List<ChannelEvent> events = accepted(
                "PNID",
                MetaWebhooks.notificationFor(
                        "PNID",
                        "'contacts':[{'wa_id':'5215512345678'}],'messages':[{'from':'5215512345678','id':'wamid.SYS',"
                                + "'system':{'body':'User requested to stop marketing messages','marketing':'stop',"
                                + "'type':'user_preference_changed'},'timestamp':'1731705721','type':'system'}]"));

        assertThat(events)
                .containsExactly(new OptOut(
                        "+525512345678",
                        "PNID",
                        Instant.ofEpochSecond(1731705721L),
                        Optional.of("marketing_messages:stop"),
                        Optional.of("wamid.SYS")));
    }

    @Test
    void aPreferenceCampaignKitCannotApplyIsReported() {
        String unknown = fixture("user-preferences-resume.json").replace("\"resume\"", "\"snooze\"");

        assertThat(accepted("106540352242922", bytes(unknown)))
                .singleElement()
                .isInstanceOfSatisfying(
                        UnsupportedMessage.class,
                        unsupported -> assertThat(unsupported.description()).contains("snooze"));
    }

    // ------------------------------------------------------------------ item 19: malformed ids and times

    @Test
    void aMessageWithABlankIdIsReportedNotPassedThrough() {
        List<ChannelEvent> events = accepted(
                "PNID",
                MetaWebhooks.notificationFor("PNID", message("5215512345678", " ", "text", "'text':{'body':'hola'}")));

        assertThat(events).singleElement().isInstanceOfSatisfying(UnsupportedMessage.class, unsupported -> {
            assertThat(unsupported.providerMessageId()).isEmpty();
            assertThat(unsupported.description()).contains("without an id");
        });
    }

    @Test
    void aSenderThatIsNoPhoneIdIsReportedNotPassedThrough() {
        List<ChannelEvent> events = accepted(
                "PNID",
                MetaWebhooks.notificationFor("PNID", message("abc+52", "wamid.X", "text", "'text':{'body':'hola'}")));

        assertThat(events).singleElement().isInstanceOfSatisfying(UnsupportedMessage.class, unsupported -> {
            assertThat(unsupported.providerMessageId()).contains("wamid.X");
            assertThat(unsupported.from()).isEmpty();
            assertThat(unsupported.description()).contains("abc+52");
        });
    }

    @Test
    void aTimestampFarAheadIsReplacedByTheClock() {
        String centuriesAhead = message("5215512345678", "wamid.T", "text", "'text':{'body':'hola'}")
                .replace("1673023653", "99999999999");

        List<ChannelEvent> events = accepted("PNID", MetaWebhooks.notificationFor("PNID", centuriesAhead));

        assertThat(events).singleElement().extracting(ChannelEvent::timestamp).isEqualTo(NOW);
    }

    @Test
    void aStatusWithoutAMessageIdIsReported() {
        List<ChannelEvent> events = accepted(
                "PNID",
                MetaWebhooks.notificationFor(
                        "PNID", "'statuses':[{'status':'delivered','timestamp':'1682651887','recipient_id':'1555'}]"));

        assertThat(events).singleElement().isInstanceOf(UnsupportedMessage.class);
    }
}
