package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphResponseReaderTest {

    private final GraphResponseReader reader = new GraphResponseReader(new ObjectMapper());

    private GraphSendResponse read(int status, String body) {
        return reader.read(status, body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptedKeepsIdWaIdAndStatusAndIgnoresUnknownFields() {
        assertThat(read(200, """
                {'messaging_product':'whatsapp','throughput':{'level':'STANDARD'},
                 'contacts':[{'input':'+52 1 55 1234 5678','wa_id':'5215512345678'}],
                 'messages':[{'id':'wamid.A','message_status':'held_for_quality_assessment','new':1}]}
                """))
                .isEqualTo(new GraphSendResponse.Accepted("wamid.A", "5215512345678", "held_for_quality_assessment"));
    }

    @Test
    void acceptedWithoutOptionalFields() {
        assertThat(read(200, "{'messages':[{'id':'wamid.B'}]}"))
                .isEqualTo(new GraphSendResponse.Accepted("wamid.B", null, null));
    }

    @Test
    void successWithoutMessageIdIsUnreadable() {
        assertThat(read(200, "{'messages':[]}")).isInstanceOf(GraphSendResponse.Unreadable.class);
        assertThat(read(200, "<html>")).isInstanceOf(GraphSendResponse.Unreadable.class);
    }

    @Test
    void errorEnvelopeKeepsEverything() {
        assertThat(read(400, """
                {'error':{'message':'(#130429) Rate limit hit','type':'OAuthException','code':130429,
                 'error_data':{'messaging_product':'whatsapp','details':'too many'},'fbtrace_id':'Az8'}}
                """))
                .isEqualTo(new GraphSendResponse.Rejected(
                        new GraphError(400, 130429, "OAuthException", "(#130429) Rate limit hit", "too many", "Az8")));
    }

    @Test
    void errorWithoutJsonKeepsTheStatusOnly() {
        assertThat(read(502, "<html>Bad gateway</html>"))
                .isEqualTo(new GraphSendResponse.Rejected(new GraphError(502, null, null, null, null, null)));
    }

    @Test
    void codeAsStringOfDigitsIsAccepted() {
        assertThat(read(400, "{'error':{'code':'131026'}}"))
                .isEqualTo(new GraphSendResponse.Rejected(new GraphError(400, 131026, null, null, null, null)));
    }

    @Test
    void describeNamesStatusCodeDetailsAndTrace() {
        assertThat(new GraphError(400, 131026, "OAuthException", "Message undeliverable", "not on WhatsApp", "T1")
                        .describe())
                .isEqualTo("HTTP 400, code 131026: Message undeliverable (not on WhatsApp) [fbtrace_id T1]");
    }

    @Test
    void onlyA2xxStatusIsASuccess() {
        byte[] sent = "{\"messages\":[{\"id\":\"wamid.X\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(200, sent)).isEqualTo(new GraphSendResponse.Accepted("wamid.X", null, null));
        assertThat(reader.read(299, sent)).isEqualTo(new GraphSendResponse.Accepted("wamid.X", null, null));
        assertThat(reader.read(300, sent)).isInstanceOf(GraphSendResponse.Rejected.class);
        assertThat(reader.read(199, sent)).isInstanceOf(GraphSendResponse.Rejected.class);
    }
}
