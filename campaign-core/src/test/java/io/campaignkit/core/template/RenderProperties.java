package io.campaignkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Rendering never throws for a contact's data, and fails exactly at the first binding the contact cannot fill. */
class RenderProperties {

    private static final PhoneNumber PHONE = PhoneNumber.parse("+525512345678");

    @Property
    void rendering_fails_exactly_at_the_first_unresolvable_binding(
            @ForAll @Size(min = 1, max = 8) List<@From("bindings") Binding> bindings,
            @ForAll("contacts") Contact contact,
            @ForAll boolean inline) {
        String body = IntStream.rangeClosed(1, bindings.size())
                .mapToObj(n -> "[{{" + n + "}}]")
                .collect(Collectors.joining(" "));
        MessageTemplate template = inline ? InlineTemplate.of(body) : ChannelTemplate.of("t", "es", body);
        TemplateMessage message = TemplateMessage.of(template, bindings);
        Optional<Integer> firstUnresolvable = IntStream.range(0, bindings.size())
                .filter(i -> bindings.get(i).valueFor(contact).isEmpty())
                .boxed()
                .findFirst();

        RenderResult result = message.render(contact);

        if (firstUnresolvable.isPresent()) {
            assertThat(result).isInstanceOfSatisfying(RenderResult.Unresolved.class, failure -> {
                assertThat(failure.placeholder()).isEqualTo(firstUnresolvable.get() + 1);
                assertThat(failure.binding()).contains(bindings.get(firstUnresolvable.get()));
                assertThat(failure.reason())
                        .contains(bindings.get(firstUnresolvable.get()).describe());
            });
        } else {
            assertThat(result).isInstanceOfSatisfying(RenderResult.Rendered.class, rendered -> {
                assertThat(rendered.parameters())
                        .hasSize(bindings.size())
                        .allSatisfy(v -> assertThat(v).isNotBlank());
                assertThat(rendered.text())
                        .isEqualTo(
                                inline
                                        ? Optional.of(((InlineTemplate) template)
                                                .text()
                                                .render(rendered.parameters()))
                                        : Optional.empty());
            });
        }
    }

    @Provide
    Arbitrary<Binding> bindings() {
        return Arbitraries.oneOf(
                Arbitraries.of("Banco Azul", "{{2}}", "x").map(Binding::literal),
                Arbitraries.of(Binding.contactName(), Binding.contactName("cliente")),
                Arbitraries.of("MONTO", "FECHA", "OTRO").map(Binding::customField),
                Arbitraries.of("ciudad", "vacio", "otro").map(Binding::valuedTag));
    }

    @Provide
    Arbitrary<Contact> contacts() {
        return Combinators.combine(
                        Arbitraries.of("", "Ana"), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((name, data, tagged) -> {
                    Contact.Builder builder = Contact.builder(PHONE).name(name);
                    if (tagged) {
                        builder.valuedTag("ciudad", "CDMX").valuedTag("vacio", " ");
                    }
                    Map<String, FieldValue> values = data == 0
                            ? Map.of()
                            : data == 1
                                    ? Map.of("MONTO", new FieldValue.Number(new BigDecimal("10.50")))
                                    : Map.of(
                                            "MONTO",
                                            new FieldValue.Number(BigDecimal.ONE),
                                            "FECHA",
                                            new FieldValue.Text("mañana"));
                    return builder.customData(CustomData.of(values)).build();
                });
    }
}
