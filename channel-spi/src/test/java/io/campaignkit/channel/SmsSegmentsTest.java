package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.SmsSegments.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    private static final String GSM_BASIC_WITHOUT_ESCAPE =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void theGsmAlphabetHas127PrintableCharactersBesidesTheEscape() {
        assertThat(GSM_BASIC_WITHOUT_ESCAPE.chars().distinct().count()).isEqualTo(127);
        assertThat(SmsSegments.of(GSM_BASIC_WITHOUT_ESCAPE).encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void spanishWithAcuteVowelsOtherThanEIsUcs2() {
        assertThat(SmsSegments.of("Hola Ana, su saldo vence el 15 de diciembre. ¿Pagará hoy?"))
                .isEqualTo(new SmsSegments(Encoding.UCS_2, 57, 1));
        assertThat(SmsSegments.of("Hola Ana, ¿Usted pagó? Él dijo: café.").encoding())
                .isEqualTo(Encoding.UCS_2);
        assertThat(SmsSegments.of("¿Qué tal? Ñandú é ü").encoding()).isEqualTo(Encoding.UCS_2); // ú is not GSM
        assertThat(SmsSegments.of("¿Qué tal? Ñoño, é ü").encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void gsm7LimitsAre160ThenConcatenated153() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM_7, 161, 2));
        assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(new SmsSegments(Encoding.GSM_7, 306, 2));
        assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(new SmsSegments(Encoding.GSM_7, 307, 3));
    }

    @Test
    void anExtensionCharacterTakesTwoSeptetsAndIsNeverSplit() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(new SmsSegments(Encoding.GSM_7, 162, 2));
        // 152 septets then a two-septet euro: it does not fit in the first segment's last septet
        assertThat(SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152)))
                .isEqualTo(new SmsSegments(Encoding.GSM_7, 306, 3));
    }

    @Test
    void ucs2LimitsAre70ThenConcatenated67AndSurrogatePairsStayWhole() {
        assertThat(SmsSegments.of("ó".repeat(70))).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.of("ó".repeat(71))).isEqualTo(new SmsSegments(Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.of("ó".repeat(134))).isEqualTo(new SmsSegments(Encoding.UCS_2, 134, 2));
        assertThat(SmsSegments.of("ó".repeat(135))).isEqualTo(new SmsSegments(Encoding.UCS_2, 135, 3));
        String emoji = "\uD83D\uDE00";
        assertThat(SmsSegments.of("ó".repeat(66) + emoji + "ó".repeat(66)))
                .isEqualTo(new SmsSegments(Encoding.UCS_2, 134, 3));
    }

    @Test
    void emptyTextIsOneSegmentAndABareEscapeIsNotGsm() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(Encoding.GSM_7, 0, 1));
        assertThat(SmsSegments.of("a\u001Bb").encoding()).isEqualTo(Encoding.UCS_2);
        assertThatThrownBy(() -> SmsSegments.of(null)).hasMessageContaining("text");
        assertThatThrownBy(() -> new SmsSegments(Encoding.GSM_7, 1, 0)).hasMessageContaining("segments");
    }

    @Property(tries = 500)
    void segmentsHoldTheTextAndNoFewerWouldDo(@ForAll("texts") String text) {
        SmsSegments segments = SmsSegments.of(text);
        boolean single = segments.segments() == 1;
        int perSegment = segments.encoding() == Encoding.GSM_7 ? (single ? 160 : 153) : (single ? 70 : 67);
        assertThat(segments.units()).isLessThanOrEqualTo(segments.segments() * perSegment);
        if (!single) {
            int singleLimit = segments.encoding() == Encoding.GSM_7 ? 160 : 70;
            assertThat(segments.units()).isGreaterThan(singleLimit);
            // whole characters are packed greedily: at most one unit lost per segment boundary
            assertThat(segments.units()).isGreaterThan((segments.segments() - 1) * (perSegment - 1));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> gsm = Arbitraries.strings()
                .withChars((GSM_BASIC_WITHOUT_ESCAPE + "^{}\\[~]|€").toCharArray())
                .ofMaxLength(500);
        Arbitrary<String> any = Arbitraries.strings()
                .withChars("aó€\uD83D\uDE00 ".toCharArray())
                .ofMaxLength(400)
                .map(s -> s.replaceAll("\uD83D(?!\uDE00)", "x").replaceAll("(?<!\uD83D)\uDE00", "y"));
        return Arbitraries.oneOf(gsm, any);
    }
}
