package io.campaignkit.cli.readme;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it" section is the {@code examples/plain-java} project (which runs end to end in
 * its own build): its dependency block is that project's POM, its code is {@code CobranzaService.run}.
 */
class PlainJavaExampleQuoteTest {

    private static final Path EXAMPLE = ReadmeQuote.root().resolve("examples/plain-java");

    @Test
    void theReadmeListsExactlyTheExamplesDependencies() throws IOException {
        ReadmeQuote.assertQuotedExactly(EXAMPLE.resolve("pom.xml"));
    }

    @Test
    void theReadmeQuotesTheExamplesCodeExactly() throws IOException {
        ReadmeQuote.assertQuotedExactly(
                EXAMPLE.resolve("src/main/java/io/campaignkit/examples/plainjava/CobranzaService.java"));
    }
}
