package io.campaignkit.testkit.example;

import io.campaignkit.channel.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * Configuration of {@link ExampleSmsAdapter}. Build with {@link #custom()}.
 *
 * @param baseUrl        the provider's API root, such as {@code https://api.example-sms.test}
 * @param accountId      the account the messages are sent from
 * @param apiKey         the API key, sent as a bearer token
 * @param webhookSecret  the key the provider signs webhooks with
 * @param requestTimeout how long to wait for the provider's answer before UNKNOWN_OUTCOME
 */
public record ExampleSmsConfiguration(
        URI baseUrl, String accountId, Secret apiKey, Secret webhookSecret, Duration requestTimeout) {

    /** Default {@link #requestTimeout()}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Validates, naming the bad argument. */
    public ExampleSmsConfiguration {
        if (baseUrl == null || !baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL (was " + baseUrl + ")");
        }
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        if (apiKey == null) {
            throw new IllegalArgumentException("apiKey must not be null");
        }
        if (webhookSecret == null) {
            throw new IllegalArgumentException("webhookSecret must not be null");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive (was " + requestTimeout + ")");
        }
    }

    /** @return a builder with the defaults */
    public static Builder custom() {
        return new Builder();
    }

    /** Builder of {@link ExampleSmsConfiguration}. */
    public static final class Builder {
        private URI baseUrl;
        private String accountId;
        private Secret apiKey;
        private Secret webhookSecret;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder() {}

        /**
         * @param value the API root
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /**
         * @param value the account id
         * @return this builder
         */
        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        /**
         * @param value the API key
         * @return this builder
         */
        public Builder apiKey(Secret value) {
            this.apiKey = value;
            return this;
        }

        /**
         * @param value the webhook signing key
         * @return this builder
         */
        public Builder webhookSecret(Secret value) {
            this.webhookSecret = value;
            return this;
        }

        /**
         * @param value the request timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** @return the validated configuration */
        public ExampleSmsConfiguration build() {
            return new ExampleSmsConfiguration(baseUrl, accountId, apiKey, webhookSecret, requestTimeout);
        }
    }
}
