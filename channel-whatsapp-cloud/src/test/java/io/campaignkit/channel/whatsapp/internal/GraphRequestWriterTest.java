package io.campaignkit.channel.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphRequestWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphRequestWriter writer = new GraphRequestWriter(mapper);

    private void assertJson(GraphMessage message, String expected) throws Exception {
        assertThat(mapper.readTree(writer.write(message))).isEqualTo(mapper.readTree(expected.replace('\'', '"')));
    }

    @Test
    void templateWithImageLinkBodyAndBothButtonKinds() throws Exception {
        GraphMessage.Template template = new GraphMessage.Template(
                "5215512345678",
                "promo_may",
                "es_MX",
                List.of("Ana", "20%"),
                new GraphMessage.HeaderMedia(GraphMessage.MediaKind.IMAGE, "https://cdn.example/p.jpg", null, null),
                List.of(
                        new GraphMessage.Button(GraphMessage.ButtonKind.QUICK_REPLY, 0, "c42:yes"),
                        new GraphMessage.Button(GraphMessage.ButtonKind.URL, 1, "A12345")),
                "c42:r9001");
        assertJson(template, """
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678',
                 'type':'template','biz_opaque_callback_data':'c42:r9001',
                 'template':{'name':'promo_may','language':{'code':'es_MX'},'components':[
                  {'type':'header','parameters':[{'type':'image','image':{'link':'https://cdn.example/p.jpg'}}]},
                  {'type':'body','parameters':[{'type':'text','text':'Ana'},{'type':'text','text':'20%'}]},
                  {'type':'button','sub_type':'quick_reply','index':'0','parameters':[{'type':'payload','payload':'c42:yes'}]},
                  {'type':'button','sub_type':'url','index':'1','parameters':[{'type':'text','text':'A12345'}]}]}}
                """);
    }

    @Test
    void templateHeaderVideoByMediaId() throws Exception {
        GraphMessage.Template template = new GraphMessage.Template(
                "15550001111",
                "launch",
                "en_US",
                List.of(),
                new GraphMessage.HeaderMedia(GraphMessage.MediaKind.VIDEO, null, "998877", null),
                List.of(),
                null);
        assertJson(template, """
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'15550001111','type':'template',
                 'template':{'name':'launch','language':{'code':'en_US'},'components':[
                  {'type':'header','parameters':[{'type':'video','video':{'id':'998877'}}]}]}}
                """);
    }

    @Test
    void templateHeaderDocumentKeepsItsFilename() throws Exception {
        GraphMessage.Template template = new GraphMessage.Template(
                "15550001111",
                "invoice",
                "es",
                List.of("A-1"),
                new GraphMessage.HeaderMedia(
                        GraphMessage.MediaKind.DOCUMENT, "https://cdn.example/i.pdf", null, "invoice.pdf"),
                List.of(),
                null);
        assertJson(template, """
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'15550001111','type':'template',
                 'template':{'name':'invoice','language':{'code':'es'},'components':[
                  {'type':'header','parameters':[{'type':'document','document':{'link':'https://cdn.example/i.pdf','filename':'invoice.pdf'}}]},
                  {'type':'body','parameters':[{'type':'text','text':'A-1'}]}]}}
                """);
    }

    @Test
    void templateWithoutVariablesHasNoComponents() throws Exception {
        GraphMessage.Template template =
                new GraphMessage.Template("15550001111", "hello_world", "en_US", List.of(), null, List.of(), null);
        assertJson(template, """
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'15550001111','type':'template',
                 'template':{'name':'hello_world','language':{'code':'en_US'}}}
                """);
    }

    @Test
    void textAsReplyWithCallbackData() throws Exception {
        assertJson(new GraphMessage.Text("5215512345678", "Hola Ana", false, "wamid.A", "c42:r9001"), """
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678','type':'text',
                 'biz_opaque_callback_data':'c42:r9001',
                 'text':{'body':'Hola Ana','preview_url':false},'context':{'message_id':'wamid.A'}}
                """);
    }

    @Test
    void plainTextHasNoContext() throws Exception {
        assertJson(new GraphMessage.Text("5215512345678", "see https://x.example", true, null, null), """
                {'messaging_product':'whatsapp','recipient_type':'individual','to':'5215512345678','type':'text',
                 'text':{'body':'see https://x.example','preview_url':true}}
                """);
    }

    @Test
    void headerMediaNeedsExactlyOneSource() {
        assertThatThrownBy(() -> new GraphMessage.HeaderMedia(GraphMessage.MediaKind.IMAGE, "https://x", "1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new GraphMessage.HeaderMedia(GraphMessage.MediaKind.IMAGE, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
