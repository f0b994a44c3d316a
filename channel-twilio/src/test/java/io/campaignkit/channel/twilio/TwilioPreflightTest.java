package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 22: what Twilio would refuse at the first send is found before launch, one rule per check. */
class TwilioPreflightTest {

    private static final String CONTENT_SID = "HX0123456789abcdef0123456789abcdef";
    private static final String SERVICE_SID = "MG0123456789abcdef0123456789abcdef";
    private final List<TwilioChannelAdapter> adapters = new ArrayList<>();

    @AfterEach
    void close() {
        adapters.forEach(TwilioChannelAdapter::close);
    }

    private TwilioChannelAdapter adapter(String sender) {
        TwilioChannelAdapter adapter = TwilioChannelAdapter.create(TwilioConfig.custom()
                .accountSid("AC0123456789abcdef0123456789abcdef")
                .authToken("token")
                .sender(sender)
                .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
                .contentTemplate("recordatorio", "es_MX", CONTENT_SID)
                .build());
        adapters.add(adapter);
        return adapter;
    }

    private static List<String> subjects(List<PreflightProblem> problems) {
        return problems.stream().map(PreflightProblem::subject).toList();
    }

    @Test
    void smsSendersOfEveryFormTwilioTakesHaveNoProblem() {
        TwilioChannelAdapter sms = adapter("+15005550006");
        for (String sender : List.of("+15005550006", SERVICE_SID, "246810", "ACME Pagos")) {
            assertThat(sms.preflight(new MessagePlan(sender, TextContent.of("Hola {{1}}"))))
                    .as(sender)
                    .isEmpty();
        }
    }

    @Test
    void aSenderOfAnotherFormIsAProblem() {
        TwilioChannelAdapter sms = adapter("+15005550006");
        for (String sender : List.of("500-555-0006", "whatsapp:+15005550006", "ACME Pagos Mexico", "+0123")) {
            assertThat(subjects(sms.preflight(new MessagePlan(sender, TextContent.of("Hola")))))
                    .as(sender)
                    .containsExactly(PreflightProblem.SENDER);
        }
        TwilioChannelAdapter whatsApp = adapter("whatsapp:+14155238886");
        TemplateContent template = TemplateContent.of(CONTENT_SID, "es_MX", List.of("{{1}}"));
        assertThat(whatsApp.preflight(new MessagePlan("whatsapp:+14155238886", template)))
                .isEmpty();
        assertThat(whatsApp.preflight(new MessagePlan(SERVICE_SID, template))).isEmpty();
        assertThat(whatsApp.preflight(new MessagePlan("+14155238886", template)))
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("whatsapp:+E164"));
    }

    @Test
    void aTemplateWithoutAKnownContentSidIsAProblem() {
        TwilioChannelAdapter sms = adapter("+15005550006");
        assertThat(sms.preflight(
                        new MessagePlan("+15005550006", TemplateContent.of("recordatorio", "es_MX", List.of()))))
                .isEmpty();
        assertThat(sms.preflight(new MessagePlan("+15005550006", TemplateContent.of(CONTENT_SID, "en", List.of()))))
                .isEmpty();
        assertThat(sms.preflight(new MessagePlan("+15005550006", TemplateContent.of("promo", "es_MX", List.of()))))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.TEMPLATE_NAME);
                    assertThat(problem.problem()).contains("'promo'", "Content SID");
                });
    }

    @Test
    void moreThanAHundredContentVariablesIsAProblem() {
        TwilioChannelAdapter sms = adapter("+15005550006");
        List<String> many = Collections.nCopies(101, "{{n}}");
        assertThat(subjects(
                        sms.preflight(new MessagePlan("+15005550006", TemplateContent.of(CONTENT_SID, "es_MX", many)))))
                .containsExactly(PreflightProblem.PARAMETERS);
        assertThat(sms.preflight(new MessagePlan(
                        "+15005550006", TemplateContent.of(CONTENT_SID, "es_MX", many.subList(0, 100)))))
                .isEmpty();
    }

    @Test
    void anInlineTextAsTheFirstWhatsAppMessageIsAProblemButNotOnSms() {
        assertThat(adapter("whatsapp:+14155238886")
                        .preflight(new MessagePlan("whatsapp:+14155238886", TextContent.of("Hola {{1}}"))))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.MESSAGE);
                    assertThat(problem.problem()).contains("63016");
                });
        assertThat(adapter("+15005550006").preflight(new MessagePlan("+15005550006", TextContent.of("Hola {{1}}"))))
                .isEmpty();
    }
}
