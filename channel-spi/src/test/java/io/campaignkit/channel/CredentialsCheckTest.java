package io.campaignkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The answers of an online credentials check, and what an adapter without one says. */
class CredentialsCheckTest {

    @Test
    void anAdapterWithoutAnOnlineCheckSaysSoAndRefusesNothing() throws Exception {
        ChannelAdapter plain = new ChannelAdapter() {
            @Override
            public String id() {
                return "acme.sms";
            }

            @Override
            public ChannelCapabilities capabilities() {
                return ChannelCapabilities.custom().build();
            }

            @Override
            public CompletionStage<SendReceipt> send(OutboundMessage message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public WebhookResult handleWebhook(WebhookRequest request) {
                throw new UnsupportedOperationException();
            }
        };

        CredentialsCheck check =
                plain.checkCredentials("+15005550006").toCompletableFuture().get(1, TimeUnit.SECONDS);

        assertThat(check)
                .isEqualTo(new CredentialsCheck.Unsupported("channel 'acme.sms' has no online credentials check"));
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void onlyARefusalHasProblemsAndItHasAtLeastOne() {
        PreflightProblem token =
                new PreflightProblem(PreflightProblem.CREDENTIALS, "the token (setting access-token) was refused");
        List<PreflightProblem> given = new ArrayList<>(List.of(token));
        CredentialsCheck refused = new CredentialsCheck.Refused(given);
        given.clear();

        assertThat(refused.problems()).containsExactly(token);
        assertThat(new CredentialsCheck.Accepted("number +52 55 1234 5678").problems())
                .isEmpty();
        assertThatThrownBy(() -> new CredentialsCheck.Refused(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialsCheck.Accepted(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialsCheck.NotChecked("")).isInstanceOf(IllegalArgumentException.class);
    }
}
