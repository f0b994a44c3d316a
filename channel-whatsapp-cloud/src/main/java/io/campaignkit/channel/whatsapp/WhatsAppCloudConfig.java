package io.campaignkit.channel.whatsapp;

import io.campaignkit.channel.ChannelSettings;
import io.campaignkit.channel.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Immutable configuration of a {@link WhatsAppCloudAdapter}: one WhatsApp business phone number.
 * Build with {@link #custom()}; unset fields take the {@code DEFAULT_*} values. The access token,
 * app secret and verify token are {@link Secret}s: {@link #toString()} never shows them.
 *
 * <p>Setting keys for {@link #fromSettings(ChannelSettings)}: {@value #PHONE_NUMBER_ID},
 * {@value #ACCESS_TOKEN}, {@value #APP_SECRET}, {@value #VERIFY_TOKEN} (required);
 * {@value #API_VERSION}, {@value #BASE_URL}, {@value #CONNECT_TIMEOUT}, {@value #REQUEST_TIMEOUT},
 * {@value #MAX_REQUESTS_IN_FLIGHT}, {@value #MAX_MESSAGES_PER_SECOND}, {@value #MAX_WEBHOOK_BODY_BYTES},
 * {@value #PER_USER_LIMIT_ACTION} ({@code fail} or {@code retry-later}),
 * {@value #CHECK_CREDENTIALS_AT_LAUNCH} ({@code true} or {@code false}) (optional).
 */
public final class WhatsAppCloudConfig {

    /** A current Graph API version; Meta retires versions about two years after release, so it is configurable. */
    public static final String DEFAULT_API_VERSION = "v25.0";

    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** From handing the request to the HTTP client to the full response. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Enough for 1,000 sends/s at 200 ms of latency, with headroom. */
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 256;
    /** Meta's default throughput per business number. */
    public static final double DEFAULT_MAX_MESSAGES_PER_SECOND = 80;
    /** Meta's highest throughput tier per business number. */
    public static final double HIGHEST_MESSAGES_PER_SECOND = 1_000;
    /** Webhook POSTs larger than this are refused unread (Meta's are a few kilobytes). */
    public static final int DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

    public static final String PHONE_NUMBER_ID = "phone-number-id";
    public static final String ACCESS_TOKEN = "access-token";
    public static final String APP_SECRET = "app-secret";
    public static final String VERIFY_TOKEN = "verify-token";
    public static final String API_VERSION = "api-version";
    public static final String BASE_URL = "base-url";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String REQUEST_TIMEOUT = "request-timeout";
    public static final String MAX_REQUESTS_IN_FLIGHT = "max-requests-in-flight";
    public static final String MAX_MESSAGES_PER_SECOND = "max-messages-per-second";
    public static final String MAX_WEBHOOK_BODY_BYTES = "max-webhook-body-bytes";
    public static final String PER_USER_LIMIT_ACTION = "per-user-limit-action";
    public static final String CHECK_CREDENTIALS_AT_LAUNCH = "check-credentials-at-launch";

    private static final Pattern API_VERSION_PATTERN = Pattern.compile("v\\d+\\.\\d+");
    private static final Pattern PHONE_NUMBER_ID_PATTERN = Pattern.compile("[0-9A-Za-z_-]+");

    private final String phoneNumberId;
    private final Secret accessToken;
    private final Secret appSecret;
    private final Secret verifyToken;
    private final String apiVersion;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRequestsInFlight;
    private final double maxMessagesPerSecond;
    private final int maxWebhookBodyBytes;
    private final PerUserLimitAction perUserLimitAction;
    private final boolean checkCredentialsAtLaunch;
    private final @Nullable HttpClient httpClient;
    private final Clock clock;

    private WhatsAppCloudConfig(Builder builder) {
        this.phoneNumberId = required(builder.phoneNumberId, "phoneNumberId");
        if (!PHONE_NUMBER_ID_PATTERN.matcher(phoneNumberId).matches()) {
            throw new IllegalArgumentException("phoneNumberId must be the number's id from WhatsApp Manager, "
                    + "letters and digits only (was '" + phoneNumberId + "')");
        }
        this.accessToken = required(builder.accessToken, "accessToken");
        this.appSecret = required(builder.appSecret, "appSecret");
        this.verifyToken = required(builder.verifyToken, "verifyToken");
        this.apiVersion = required(builder.apiVersion, "apiVersion");
        if (!API_VERSION_PATTERN.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("apiVersion must look like v25.0 (was '" + apiVersion + "')");
        }
        this.baseUrl = required(builder.baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute()
                || baseUrl.getHost() == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL (was '" + baseUrl + "')");
        }
        this.connectTimeout = positive(builder.connectTimeout, "connectTimeout");
        this.requestTimeout = positive(builder.requestTimeout, "requestTimeout");
        if (builder.maxRequestsInFlight < 1) {
            throw new IllegalArgumentException(
                    "maxRequestsInFlight must be >= 1 (was " + builder.maxRequestsInFlight + ")");
        }
        this.maxRequestsInFlight = builder.maxRequestsInFlight;
        if (!(builder.maxMessagesPerSecond > 0) || builder.maxMessagesPerSecond > HIGHEST_MESSAGES_PER_SECOND) {
            throw new IllegalArgumentException("maxMessagesPerSecond must be in (0, 1000], Meta's highest tier (was "
                    + builder.maxMessagesPerSecond + ")");
        }
        this.maxMessagesPerSecond = builder.maxMessagesPerSecond;
        if (builder.maxWebhookBodyBytes < 1) {
            throw new IllegalArgumentException(
                    "maxWebhookBodyBytes must be >= 1 (was " + builder.maxWebhookBodyBytes + ")");
        }
        this.maxWebhookBodyBytes = builder.maxWebhookBodyBytes;
        this.perUserLimitAction = required(builder.perUserLimitAction, "perUserLimitAction");
        this.checkCredentialsAtLaunch = builder.checkCredentialsAtLaunch;
        this.httpClient = builder.httpClient;
        this.clock = required(builder.clock, "clock");
    }

    /** @return a builder with the defaults */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Reads the configuration from string settings (see the class comment for the keys).
     *
     * @param settings the settings, not null
     * @return the validated configuration
     * @throws IllegalArgumentException naming the missing or invalid key, never a secret value
     */
    public static WhatsAppCloudConfig fromSettings(ChannelSettings settings) {
        Objects.requireNonNull(settings, "settings must not be null");
        Builder builder = custom().phoneNumberId(settings.require(PHONE_NUMBER_ID))
                .accessToken(settings.requireSecret(ACCESS_TOKEN))
                .appSecret(settings.requireSecret(APP_SECRET))
                .verifyToken(settings.requireSecret(VERIFY_TOKEN));
        settings.get(API_VERSION).ifPresent(builder::apiVersion);
        settings.get(BASE_URL).ifPresent(value -> builder.baseUrl(uri(BASE_URL, value)));
        settings.duration(CONNECT_TIMEOUT).ifPresent(builder::connectTimeout);
        settings.duration(REQUEST_TIMEOUT).ifPresent(builder::requestTimeout);
        settings.get(MAX_REQUESTS_IN_FLIGHT)
                .ifPresent(value -> builder.maxRequestsInFlight((int) number(MAX_REQUESTS_IN_FLIGHT, value, true)));
        settings.get(MAX_MESSAGES_PER_SECOND)
                .ifPresent(value -> builder.maxMessagesPerSecond(number(MAX_MESSAGES_PER_SECOND, value, false)));
        settings.get(MAX_WEBHOOK_BODY_BYTES)
                .ifPresent(value -> builder.maxWebhookBodyBytes((int) number(MAX_WEBHOOK_BODY_BYTES, value, true)));
        settings.get(PER_USER_LIMIT_ACTION).ifPresent(value -> builder.perUserLimitAction(perUserLimitAction(value)));
        settings.get(CHECK_CREDENTIALS_AT_LAUNCH).ifPresent(value -> builder.checkCredentialsAtLaunch(yesNo(value)));
        try {
            return builder.build();
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(
                    "invalid WhatsApp Cloud channel settings: " + invalid.getMessage(), invalid);
        }
    }

    public String phoneNumberId() {
        return phoneNumberId;
    }

    public Secret accessToken() {
        return accessToken;
    }

    public Secret appSecret() {
        return appSecret;
    }

    public Secret verifyToken() {
        return verifyToken;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Used only when the adapter builds its own {@link HttpClient}. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    public double maxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public int maxWebhookBodyBytes() {
        return maxWebhookBodyBytes;
    }

    /** What Meta's limits on one recipient (131049, 131056) become; never a hold of the sender. */
    public PerUserLimitAction perUserLimitAction() {
        return perUserLimitAction;
    }

    /** @return the host's client, or empty when the adapter builds (and owns) its own */
    /** @return whether {@link WhatsAppCloudAdapter#preflight} also asks Graph about the phone-number id and token */
    public boolean checkCredentialsAtLaunch() {
        return checkCredentialsAtLaunch;
    }

    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** Stamps receipts, and events whose payload has no timestamp. */
    public Clock clock() {
        return clock;
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        return custom().phoneNumberId(phoneNumberId)
                .accessToken(accessToken)
                .appSecret(appSecret)
                .verifyToken(verifyToken)
                .apiVersion(apiVersion)
                .baseUrl(baseUrl)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .maxRequestsInFlight(maxRequestsInFlight)
                .maxMessagesPerSecond(maxMessagesPerSecond)
                .maxWebhookBodyBytes(maxWebhookBodyBytes)
                .perUserLimitAction(perUserLimitAction)
                .checkCredentialsAtLaunch(checkCredentialsAtLaunch)
                .httpClient(httpClient)
                .clock(clock);
    }

    /** @return every setting, with the three secrets shown as {@code Secret[****]} */
    @Override
    public String toString() {
        return "WhatsAppCloudConfig[phoneNumberId=" + phoneNumberId + ", accessToken=" + accessToken
                + ", appSecret=" + appSecret + ", verifyToken=" + verifyToken + ", apiVersion=" + apiVersion
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRequestsInFlight=" + maxRequestsInFlight + ", maxMessagesPerSecond=" + maxMessagesPerSecond
                + ", maxWebhookBodyBytes=" + maxWebhookBodyBytes + ", perUserLimitAction=" + perUserLimitAction
                + ", checkCredentialsAtLaunch=" + checkCredentialsAtLaunch
                + ", httpClient=" + (httpClient == null ? "built by the adapter" : "supplied by the host") + "]";
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration positive(Duration value, String name) {
        required(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (was " + value + ")");
        }
        return value;
    }

    private static URI uri(String key, String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel setting '" + key + "' must be a URL (was '" + value + "')", e);
        }
    }

    private static PerUserLimitAction perUserLimitAction(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail" -> PerUserLimitAction.FAIL;
            case "retry-later" -> PerUserLimitAction.RETRY_LATER;
            default ->
                throw new IllegalArgumentException("channel setting '" + PER_USER_LIMIT_ACTION
                        + "' must be 'fail' or 'retry-later' (was '" + value + "')");
        };
    }

    private static boolean yesNo(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new IllegalArgumentException("channel setting '" + CHECK_CREDENTIALS_AT_LAUNCH
                        + "' must be true or false (was '" + value + "')");
        };
    }

    private static double number(String key, String value, boolean whole) {
        try {
            return whole ? Integer.parseInt(value.trim()) : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "channel setting '" + key + "' must be a" + (whole ? " whole number" : " number") + " (was '"
                            + value + "')",
                    e);
        }
    }

    /** Builder of {@link WhatsAppCloudConfig}; not thread-safe. */
    public static final class Builder {
        private @Nullable String phoneNumberId;
        private @Nullable Secret accessToken;
        private @Nullable Secret appSecret;
        private @Nullable Secret verifyToken;
        private String apiVersion = DEFAULT_API_VERSION;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxRequestsInFlight = DEFAULT_MAX_REQUESTS_IN_FLIGHT;
        private double maxMessagesPerSecond = DEFAULT_MAX_MESSAGES_PER_SECOND;
        private int maxWebhookBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES;
        private PerUserLimitAction perUserLimitAction = PerUserLimitAction.FAIL;
        private boolean checkCredentialsAtLaunch;
        private @Nullable HttpClient httpClient;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** @param value the business phone number's id (not the phone number itself); required */
        public Builder phoneNumberId(String value) {
            this.phoneNumberId = value;
            return this;
        }

        /** @param value a system-user or app access token; required */
        public Builder accessToken(Secret value) {
            this.accessToken = value;
            return this;
        }

        /** @param value the Meta app secret that signs webhook POSTs; required */
        public Builder appSecret(Secret value) {
            this.appSecret = value;
            return this;
        }

        /** @param value the token chosen when subscribing the webhook; required */
        public Builder verifyToken(Secret value) {
            this.verifyToken = value;
            return this;
        }

        /** @param value a Graph API version such as {@code v25.0} */
        public Builder apiVersion(String value) {
            this.apiVersion = value;
            return this;
        }

        /** @param value the Graph API base, for tests and proxies; default {@code https://graph.facebook.com} */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /** @param value connect timeout of the client the adapter builds; positive */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** @param value time allowed for one send request once sent; positive. Past it: UNKNOWN_OUTCOME */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** @param value the most send requests outstanding at once; further sends wait, in order */
        public Builder maxRequestsInFlight(int value) {
            this.maxRequestsInFlight = value;
            return this;
        }

        /** @param value the number's throughput tier: 80 by default, up to 1,000 */
        public Builder maxMessagesPerSecond(double value) {
            this.maxMessagesPerSecond = value;
            return this;
        }

        /** @param value the largest webhook body accepted, in bytes */
        public Builder maxWebhookBodyBytes(int value) {
            this.maxWebhookBodyBytes = value;
            return this;
        }

        /**
         * @param value what Meta's limits on one recipient (131049 per-user marketing limit, 131056 pair
         *              rate) become: {@link PerUserLimitAction#FAIL} (the default) or
         *              {@link PerUserLimitAction#RETRY_LATER}; neither holds the sender
         */
        public Builder perUserLimitAction(PerUserLimitAction value) {
            this.perUserLimitAction = value;
            return this;
        }

        /**
         * @param value true: the adapter's {@link WhatsAppCloudAdapter#preflight preflight}, which the engine
         *              runs before a launch engages anyone, also asks Graph once whether the phone-number id
         *              and the token are accepted (a refusal refuses the launch; no answer refuses nothing).
         *              Off by default, and seldom needed: the engine itself asks at every launch by default,
         *              before its lock ({@code CampaignEngineBuilder.checkCredentialsAtLaunch}); this asks again
         *              inside the preflight, under the engine's lock, and in the dry run
         */
        public Builder checkCredentialsAtLaunch(boolean value) {
            this.checkCredentialsAtLaunch = value;
            return this;
        }

        /** @param value a client the host owns (proxy, TLS, executor), or null to let the adapter build one */
        public Builder httpClient(@Nullable HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** @param value the clock for receipts and for events without a timestamp */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws IllegalArgumentException naming the missing or invalid field
         */
        public WhatsAppCloudConfig build() {
            return new WhatsAppCloudConfig(this);
        }
    }
}
