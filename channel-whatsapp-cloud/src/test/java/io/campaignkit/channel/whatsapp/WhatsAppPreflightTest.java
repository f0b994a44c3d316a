package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 22: what the Cloud API would refuse at the first send is found before launch, one rule per check. */
class WhatsAppPreflightTest {

    private static final String PNID = "106540352242922";
    private static final TemplateContent GOOD_TEMPLATE =
            TemplateContent.of("pago_pendiente", "es_MX", List.of("{{1}}", "{{2}}"));

    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PNID)
            .accessToken(Secret.of("token"))
            .appSecret(Secret.of("secret"))
            .verifyToken(Secret.of("verify"))
            .build());

    @Test
    void aTemplateFromThisAdaptersPhoneNumberIdHasNoProblem() {
        assertThat(adapter.preflight(new MessagePlan(PNID, GOOD_TEMPLATE))).isEmpty();
        assertThat(adapter.preflight(new MessagePlan(PNID, TemplateContent.of("hello_world", "en", List.of()))))
                .isEmpty();
    }

    @Test
    void aSenderOtherThanThePhoneNumberIdIsAProblemAndAPhoneNumberGetsAHint() {
        assertThat(adapter.preflight(new MessagePlan("109876543210", GOOD_TEMPLATE)))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                    assertThat(problem.problem())
                            .contains("'109876543210'", PNID)
                            .doesNotContain("not the phone number");
                });
        assertThat(adapter.preflight(new MessagePlan("+52 55 1234 5678", GOOD_TEMPLATE)))
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem())
                        .contains("phone-number id from WhatsApp Manager, not the phone number"));
    }

    @Test
    void anInlineTextAsTheFirstMessageIsAProblem() {
        assertThat(adapter.preflight(new MessagePlan(PNID, TextContent.of("Hola {{1}}"))))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.subject()).isEqualTo(PreflightProblem.MESSAGE);
                    assertThat(problem.problem()).contains("template", "131047");
                });
    }

    @Test
    void aTemplateNameWhatsAppCannotHaveIsAProblem() {
        for (String name :
                List.of("Pago_Pendiente", "pago pendiente", "pago-pendiente", "HX0123456789abcdef0123456789abcdef")) {
            assertThat(adapter.preflight(new MessagePlan(PNID, TemplateContent.of(name, "es_MX", List.of()))))
                    .as(name)
                    .singleElement()
                    .satisfies(problem -> {
                        assertThat(problem.subject()).isEqualTo(PreflightProblem.TEMPLATE_NAME);
                        assertThat(problem.problem()).contains("'" + name + "'");
                    });
        }
    }

    @Test
    void aLanguageCodeOfAnotherFormIsAProblem() {
        for (String language : List.of("es-MX", "spanish", "ES", "es_mx")) {
            assertThat(adapter.preflight(new MessagePlan(PNID, TemplateContent.of("promo", language, List.of()))))
                    .as(language)
                    .singleElement()
                    .extracting(PreflightProblem::subject)
                    .isEqualTo(PreflightProblem.LANGUAGE);
        }
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThat(adapter.preflight(
                        new MessagePlan("+525512345678", TemplateContent.of("Promo", "es-MX", List.of("{{1}}")))))
                .extracting(PreflightProblem::subject)
                .containsExactly(PreflightProblem.SENDER, PreflightProblem.TEMPLATE_NAME, PreflightProblem.LANGUAGE);
    }
}
