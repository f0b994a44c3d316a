package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.data.FieldValue;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateMessageTest {

    private static final CustomDataSchema SCHEMA =
            CustomDataSchema.custom().required("MONTO", FieldType.NUMBER).build();
    private static final Contact ANA = Contact.builder(PhoneNumber.parse("+525512345678"))
            .name("Ana")
            .customData(CustomData.of(Map.of("MONTO", new FieldValue.Number(new BigDecimal("1200.00")))))
            .build();
    private static final Contact NAMELESS = Contact.of(PhoneNumber.parse("+525587654321"));

    @Test
    void a_channel_template_renders_to_ordered_parameters_without_text() {
        TemplateMessage message = TemplateMessage.of(
                ChannelTemplate.of("pago", "es_MX", "Hola {{1}}, debes {{2}} a {{3}}"),
                Binding.contactName(),
                Binding.customField("MONTO"),
                Binding.literal("Banco Azul"));

        RenderResult result = message.render(ANA);

        assertThat(result.isRendered()).isTrue();
        assertThat(result).isEqualTo(new RenderResult.Rendered(List.of("Ana", "1200", "Banco Azul"), Optional.empty()));
    }

    @Test
    void an_inline_template_renders_its_text_too() {
        TemplateMessage message = TemplateMessage.builder(InlineTemplate.of("Hola {{1}}, debes ${{2}}."))
                .bind(Binding.contactName("cliente"))
                .bind(Binding.customField("MONTO"))
                .build();

        assertThat(message.render(ANA))
                .isEqualTo(new RenderResult.Rendered(List.of("Ana", "1200"), Optional.of("Hola Ana, debes $1200.")));
    }

    @Test
    void a_contact_missing_bound_data_gets_a_failure_naming_the_binding() {
        TemplateMessage message = TemplateMessage.of(
                ChannelTemplate.of("pago", "es_MX", "Hola {{1}}, debes {{2}}"),
                Binding.contactName("cliente"),
                Binding.customField("MONTO"));

        RenderResult result = message.render(NAMELESS);

        assertThat(result.isRendered()).isFalse();
        assertThat(result).isInstanceOfSatisfying(RenderResult.Unresolved.class, failure -> {
            assertThat(failure.placeholder()).isEqualTo(2);
            assertThat(failure.binding()).contains(Binding.customField("MONTO"));
            assertThat(failure.reason()).contains("{{2}}", "+525587654321", "custom field MONTO");
        });
    }

    @Test
    void rendering_an_incomplete_message_fails_at_the_first_unbound_placeholder() {
        TemplateMessage message = TemplateMessage.of(InlineTemplate.of("{{1}} {{2}}"), Binding.literal("a"));

        assertThat(message.render(ANA)).isInstanceOfSatisfying(RenderResult.Unresolved.class, failure -> {
            assertThat(failure.placeholder()).isEqualTo(2);
            assertThat(failure.binding()).isEmpty();
            assertThat(failure.reason()).contains("no binding");
        });
    }

    @Test
    void check_lists_every_unbound_extra_and_unknown_binding() {
        TemplateMessage unbound =
                TemplateMessage.of(ChannelTemplate.of("t", "es", "{{1}} {{2}} {{3}}"), Binding.customField("SALDO"));
        TemplateMessage extra = TemplateMessage.of(
                ChannelTemplate.of("t", "es", "{{1}}"),
                Binding.literal("a"),
                Binding.literal("b"),
                Binding.customField("OTRO"));

        assertThat(unbound.check(SCHEMA))
                .extracting(BindingProblem::placeholder, BindingProblem::code)
                .containsExactly(
                        tuple(1, BindingProblem.UNKNOWN_FIELD),
                        tuple(2, BindingProblem.UNBOUND_PLACEHOLDER),
                        tuple(3, BindingProblem.UNBOUND_PLACEHOLDER));
        assertThat(unbound.check(SCHEMA).get(0).message()).contains("SALDO", "schema");
        assertThat(extra.check(SCHEMA))
                .extracting(BindingProblem::placeholder, BindingProblem::code)
                .containsExactly(tuple(2, BindingProblem.EXTRA_BINDING), tuple(3, BindingProblem.EXTRA_BINDING));
        assertThat(TemplateMessage.of(ChannelTemplate.of("t", "es", "{{1}}"), Binding.customField("MONTO"))
                        .check(SCHEMA))
                .isEmpty();
    }

    @Test
    void header_media_and_bindings_are_copied_not_shared() {
        HeaderMedia media = HeaderMedia.link(HeaderMedia.Type.IMAGE, URI.create("https://cdn.example.com/a.png"));
        TemplateMessage message = TemplateMessage.builder(ChannelTemplate.of("t", "es", "{{1}}"))
                .bind(Binding.contactName())
                .headerMedia(media)
                .build();
        List<Binding> bindings = new java.util.ArrayList<>(List.of(Binding.literal("x")));
        TemplateMessage fromList = TemplateMessage.of(ChannelTemplate.of("t", "es", "{{1}}"), bindings);
        bindings.clear();

        assertThat(message.headerMedia()).contains(media);
        assertThat(fromList.bindings()).hasSize(1);
        assertThatThrownBy(() -> fromList.bindings().add(Binding.literal("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(message.withHeaderMedia(media)).isEqualTo(message).hasSameHashCodeAs(message);
        assertThat(message.withBindings(List.of(Binding.literal("x")))).isNotEqualTo(message);
    }

    @Test
    void bad_arguments_are_named() {
        TemplateMessage message = TemplateMessage.of(InlineTemplate.of("{{1}}"), Binding.literal("a"));

        assertThatThrownBy(() -> message.render(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("contact"));
        assertThatThrownBy(() -> message.check(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("schema"));
        assertThatThrownBy(() -> TemplateMessage.of(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("template"));
        assertThatThrownBy(() -> TemplateMessage.of(InlineTemplate.of("{{1}}"), Binding.literal("a"), null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("bindings"));
        assertThatThrownBy(() ->
                        TemplateMessage.builder(InlineTemplate.of("{{1}}")).bind(null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("binding"));
    }
}
