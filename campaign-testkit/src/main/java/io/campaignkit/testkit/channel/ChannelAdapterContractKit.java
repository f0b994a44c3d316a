package io.campaignkit.testkit.channel;

import static io.campaignkit.testkit.channel.ChannelContractSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link ChannelAdapter} passes. Extend it in your adapter's tests, supply the
 * adapter under test and a {@link ScriptedProvider} that fakes your vendor (extend {@link LoopbackProvider}:
 * you write the signing and the bodies only), and run it with JUnit 5 (the {@code examples/sms-adapter} module):
 *
 * <pre>{@code
 * class ParrotSmsContractTest extends ChannelAdapterContractKit {
 *     private static final String WEBHOOK_SECRET = "parrot-webhook-secret";   // the adapter verifies, the fake signs
 *
 *     private final FakeParrotSms provider = new FakeParrotSms(Secret.of(WEBHOOK_SECRET));   // extends LoopbackProvider
 *     private final ChannelAdapter adapter = ChannelRegistry.withDiscoveredProviders().resolve("parrot-sms",
 *             ChannelSettings.of(Map.of("base-url", provider.baseUrl().toString(), "api-key", "parrot-key",
 *                     "webhook-secret", WEBHOOK_SECRET, "request-timeout", "PT2S")));
 *
 *     @Override protected ChannelAdapter adapter() { return adapter; }
 *     @Override protected ScriptedProvider provider() { return provider; }
 *     @AfterEach void stopProvider() { provider.close(); }
 * }
 * }</pre>
 *
 * <p>JUnit makes a new instance of the test class for each check, so field initializers give every
 * check a fresh adapter and provider. The kit closes the adapter after each check (so
 * {@link ChannelAdapter#close()} must be idempotent). Override the {@code protected} non-abstract
 * methods to adapt the kit (sample content, recipient, timeouts). The checks run in three
 * {@code @Nested} groups, {@code Sends} ({@link SendRules}), {@code Credentials} ({@link CredentialRules}) and
 * {@code Webhooks} ({@link WebhookRules}), so a report names the group and the rule that broke; this class
 * holds only the hooks and the helpers the rules share.
 */
public abstract class ChannelAdapterContractKit {

    /** Default for {@link #sendTimeout()}: how long a send may take before the kit gives up. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

    /** Default for {@link #concurrentSends()}. */
    public static final int DEFAULT_CONCURRENT_SENDS = 32;

    /** Default for {@link #recipient()}: a fictional number in E.164. */
    public static final String DEFAULT_RECIPIENT = "+525500998877";

    /**
     * The adapter under test. Called many times per check: return the same instance each time.
     *
     * @return the adapter, talking to {@link #provider()}
     */
    protected abstract ChannelAdapter adapter();

    /**
     * The fake of the vendor that the adapter talks to.
     *
     * @return the provider, the same instance for the whole check
     */
    protected abstract ScriptedProvider provider();

    /**
     * The recipient of the kit's sends, in E.164.
     *
     * @return by default {@link #DEFAULT_RECIPIENT}
     */
    protected String recipient() {
        return DEFAULT_RECIPIENT;
    }

    /**
     * The content of the kit's sends. By default a template {@code contract_kit} in {@code en} with one
     * body parameter when the adapter supports templates, else a short text; override when your
     * provider needs a specific template name (such as a Twilio content SID).
     *
     * @return content the adapter and the provider accept
     */
    protected MessageContent sampleContent() {
        return adapter().capabilities().templates()
                ? TemplateContent.of("contract_kit", "en", List.of("Ana"))
                : TextContent.of("Hello from the contract kit");
    }

    /**
     * How long the kit waits for one send to complete, success or failure.
     *
     * @return by default {@link #DEFAULT_SEND_TIMEOUT}
     */
    protected Duration sendTimeout() {
        return DEFAULT_SEND_TIMEOUT;
    }

    /**
     * How many sends the concurrency check makes at once.
     *
     * @return by default {@link #DEFAULT_CONCURRENT_SENDS}
     */
    protected int concurrentSends() {
        return DEFAULT_CONCURRENT_SENDS;
    }

    /** Closes the adapter after each check. */
    @AfterEach
    protected void closeAdapterUnderTest() {
        adapter().close();
    }

    /**
     * A message from the provider's sender to {@link #recipient()} with {@link #sampleContent()}.
     *
     * @param correlationId the correlation id
     * @return the message
     */
    protected OutboundMessage message(String correlationId) {
        return message(correlationId, sampleContent());
    }

    /**
     * A message from the provider's sender to {@link #recipient()}.
     *
     * @param correlationId the correlation id
     * @param content       the content
     * @return the message
     */
    protected OutboundMessage message(String correlationId, MessageContent content) {
        return new OutboundMessage(recipient(), provider().senderId(), correlationId, content);
    }

    /**
     * Sends and waits for the receipt, failing the check when the send fails or takes too long.
     *
     * @param message the message
     * @return the receipt
     */
    protected SendReceipt sendExpectingReceipt(OutboundMessage message) {
        return await(
                ChannelContractSupport.invokeSend(adapter(), message),
                sendTimeout(),
                "send of " + message.correlationId());
    }

    /**
     * Sends and waits for the failure, failing the check when the send succeeds, throws, or fails with
     * something other than a {@link ChannelSendException}.
     *
     * @param message the message
     * @param what    what was scripted, for failure messages
     * @return the failure
     */
    protected ChannelSendException sendExpectingFailure(OutboundMessage message, String what) {
        return ChannelContractSupport.awaitFailure(
                ChannelContractSupport.invokeSend(adapter(), message), sendTimeout(), what);
    }

    /**
     * Asks the adapter to check its credentials for {@code senderId} and waits for the answer, failing the
     * check when it throws, fails its stage or takes longer than {@link #sendTimeout()}.
     *
     * @param senderId the sender to check
     * @param what     what is checked, for failure messages
     * @return the answer, not null
     */
    protected CredentialsCheck credentialsCheckOf(String senderId, String what) {
        CompletionStage<CredentialsCheck> stage;
        try {
            stage = adapter().checkCredentials(senderId);
        } catch (RuntimeException thrown) {
            throw new AssertionError(
                    "checkCredentials threw " + thrown + " for " + what + " instead of answering (it never throws)",
                    thrown);
        }
        assertThat(stage).as("stage returned by checkCredentials for %s", what).isNotNull();
        CredentialsCheck answer = ChannelContractSupport.await(
                stage.toCompletableFuture(), sendTimeout(), "the credentials check of " + what);
        assertThat(answer).as("answer of the credentials check of %s", what).isNotNull();
        return answer;
    }

    /** The adapter itself and its sends. */
    @Nested
    @DisplayName("the adapter and its sends")
    public class Sends extends SendRules {
        /** The group, on this kit's adapter. */
        public Sends() {
            super(ChannelAdapterContractKit.this);
        }
    }

    /** The online credentials check. */
    @Nested
    @DisplayName("the credentials check")
    public class Credentials extends CredentialRules {
        /** The group, on this kit's adapter. */
        public Credentials() {
            super(ChannelAdapterContractKit.this);
        }
    }

    /** Webhooks: statuses, inbound messages, signatures, duplicates, surprises. */
    @Nested
    @DisplayName("webhooks")
    public class Webhooks extends WebhookRules {
        /** The group, on this kit's adapter. */
        public Webhooks() {
            super(ChannelAdapterContractKit.this);
        }
    }
}
