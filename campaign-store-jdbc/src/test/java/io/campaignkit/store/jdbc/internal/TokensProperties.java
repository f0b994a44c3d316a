package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;

/** The text encoding of campaigns and contacts gives back every value, whatever characters it holds. */
class TokensProperties {

    @Property
    void anySequenceOfValuesReadsBackAsWritten(
            @ForAll @Size(max = 20)
                    List<
                                    @WithNull(0.2) @StringLength(max = 30)
                                    @Chars({':', '~', '1', '0', 'a', 'ñ', '\n', ' '}) String>
                            values) {
        Tokens.Writer out = new Tokens.Writer();
        values.forEach(out::str);
        Tokens.Reader in = new Tokens.Reader(out.toString());
        List<String> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            read.add(in.str());
        }
        assertThat(read).isEqualTo(values);
        assertThat(in.atEnd()).isTrue();
    }

    @Property
    void anyTextOfAnyCharactersReadsBackAsWritten(@ForAll String first, @ForAll long number, @ForAll boolean flag) {
        Tokens.Reader in = new Tokens.Reader(
                new Tokens.Writer().str(first).num(number).bool(flag).toString());
        assertThat(in.str()).isEqualTo(first);
        assertThat(in.num()).isEqualTo(number);
        assertThat(in.bool()).isEqualTo(flag);
    }
}
