package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.event.InboundContent;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.NotBlank;
import org.junit.jupiter.api.Test;

/** Any text in any field, separators and line breaks included, reads back as written. */
class InboundContentCodecProperties {

    @Property(tries = 300)
    void textAndRepliesRoundTrip(@ForAll String body, @ForAll @NotBlank String id, @ForAll String title) {
        for (InboundContent content : List.of(
                new InboundContent.Text(body),
                new InboundContent.ButtonReply(id, Optional.of(title)),
                new InboundContent.ListReply(id, Optional.of(title), Optional.empty()),
                new InboundContent.FlowReply(id, Optional.of(body)),
                new InboundContent.Contacts(
                        List.of(new InboundContent.SharedContact(Optional.of(title), List.of(body, id)))))) {
            assertThat(InboundContentCodec.decode(InboundContentCodec.encode(content)))
                    .isEqualTo(content);
        }
    }

    @Property(tries = 200)
    void locationsRoundTripExactly(
            @ForAll @DoubleRange(min = -90, max = 90) double latitude,
            @ForAll @DoubleRange(min = -180, max = 180) double longitude) {
        InboundContent location =
                new InboundContent.Location(latitude, longitude, Optional.empty(), Optional.of("a&b=c"));
        assertThat(InboundContentCodec.decode(InboundContentCodec.encode(location)))
                .isEqualTo(location);
    }

    @Test
    void somethingElseIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> InboundContentCodec.decode("type=hologram")).hasMessageContaining("hologram");
        assertThatThrownBy(() -> InboundContentCodec.decode("type=button")).hasMessageContaining("payload");
        assertThatThrownBy(() -> InboundContentCodec.decode("garbage")).hasMessageContaining("garbage");
    }
}
