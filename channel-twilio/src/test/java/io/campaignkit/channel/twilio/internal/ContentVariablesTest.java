package io.campaignkit.channel.twilio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ContentVariablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void numbers_the_parameters_from_one_in_order() {
        assertThat(ContentVariables.toJson(List.of("Ana", "12 de mayo")))
                .isEqualTo("{\"1\":\"Ana\",\"2\":\"12 de mayo\"}");
        assertThat(ContentVariables.toJson(List.of())).isEqualTo("{}");
    }

    @Test
    void escapes_quotes_backslashes_and_control_characters() {
        assertThat(ContentVariables.toJson(List.of("say \"hi\"\\\n\u0001")))
                .isEqualTo("{\"1\":\"say \\\"hi\\\"\\\\\\n\\u0001\"}");
    }

    @Property
    void any_parameters_round_trip_through_a_json_parser(@ForAll @Size(max = 8) List<String> parameters)
            throws Exception {
        Map<String, String> parsed = JSON.readValue(ContentVariables.toJson(parameters), new TypeReference<>() {});

        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            expected.put(String.valueOf(i + 1), parameters.get(i));
        }
        assertThat(parsed).containsExactlyEntriesOf(expected);
    }

    @Test
    void refuses_null_parameters_and_more_than_twilio_accepts() {
        assertThatThrownBy(() -> ContentVariables.toJson(Collections.singletonList(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 1");
        List<String> tooMany = new ArrayList<>(Collections.nCopies(ContentVariables.MAX_VARIABLES + 1, "x"));
        assertThatThrownBy(() -> ContentVariables.toJson(tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
    }
}
