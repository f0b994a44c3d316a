package io.campaignkit.channel.twilio;

import io.campaignkit.channel.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Immutable configuration of a {@link TwilioChannelAdapter}. Build with {@link #custom()}; unset
 * optional values take the {@code DEFAULT_*} constants. {@code toString} never shows the auth token.
 */
public final class TwilioConfig {

    /** Default HTTP connect timeout (the SDK's own default). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for Twilio's answer to one request. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default number of message creations in flight at once (the SDK's pool allows 20 per host). */
    public static final int DEFAULT_MAX_CONCURRENT_SENDS = 16;
    /** Default number of sends waiting for a free slot before sends are refused as rate limited. */
    public static final int DEFAULT_MAX_QUEUED_SENDS = 10_000;
    /** Twilio's lower bound for {@code ValidityPeriod}, in seconds. */
    public static final int MIN_VALIDITY_SECONDS = 1;
    /** Twilio's upper bound (and default) for {@code ValidityPeriod}, in seconds: 10 hours. */
    public static final int MAX_VALIDITY_SECONDS = 36_000;

    static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** A short code as Twilio writes it in {@code From}: five or six digits, no {@code +}. */
    static final Pattern SHORT_CODE = Pattern.compile("[1-9][0-9]{4,5}");

    static final String WHATSAPP_PREFIX = "whatsapp:";

    private final String accountSid;
    private final Secret authToken;
    private final String sender;
    private final TwilioSenderType senderType;
    private final double messagesPerSecond;
    private final URI statusCallbackUrl;
    private final @Nullable URI publicWebhookBaseUrl;
    private final @Nullable URI apiBaseUrl;
    private final @Nullable Duration validityPeriod;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxConcurrentSends;
    private final int maxQueuedSends;
    private final Map<String, String> contentTemplates;
    private final TwilioKeywords keywords;
    private final boolean checkCredentialsAtLaunch;
    private final Clock clock;

    private TwilioConfig(Builder b) {
        this.accountSid = require(b.accountSid, "accountSid");
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("accountSid must be 'AC' and 32 hex digits (was '" + accountSid + "')");
        }
        this.authToken = require(b.authToken, "authToken");
        this.sender = require(b.sender, "sender");
        boolean whatsAppAddress = sender.startsWith(WHATSAPP_PREFIX);
        String number = whatsAppAddress ? sender.substring(WHATSAPP_PREFIX.length()) : sender;
        boolean shortCode = SHORT_CODE.matcher(sender).matches();
        if (!MESSAGING_SERVICE_SID.matcher(sender).matches()
                && !E164.matcher(number).matches()
                && !shortCode) {
            throw new IllegalArgumentException("sender must be +E164, whatsapp:+E164, a short code (5 or 6 digits) "
                    + "or a Messaging Service SID 'MG' and 32 hex digits (was '" + sender + "')");
        }
        this.senderType = b.senderType != null
                ? b.senderType
                : whatsAppAddress
                        ? TwilioSenderType.WHATSAPP
                        : shortCode ? TwilioSenderType.SHORT_CODE : TwilioSenderType.LONG_CODE;
        if (shortCode && senderType != TwilioSenderType.SHORT_CODE) {
            throw new IllegalArgumentException(
                    "senderType must be SHORT_CODE for the short code '" + sender + "' (was " + senderType + ")");
        }
        if (whatsAppAddress && senderType != TwilioSenderType.WHATSAPP) {
            throw new IllegalArgumentException(
                    "senderType must be WHATSAPP for the sender '" + sender + "' (was " + senderType + ")");
        }
        if (!whatsAppAddress && senderType == TwilioSenderType.WHATSAPP && sender.startsWith("+")) {
            throw new IllegalArgumentException(
                    "sender of type WHATSAPP must be written whatsapp:+E164 (was '" + sender + "')");
        }
        this.messagesPerSecond =
                b.messagesPerSecond != null ? b.messagesPerSecond : senderType.defaultMessagesPerSecond();
        if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
            throw new IllegalArgumentException(
                    "messagesPerSecond must be positive and finite (was " + messagesPerSecond + ")");
        }
        this.statusCallbackUrl = absoluteHttp(require(b.statusCallbackUrl, "statusCallbackUrl"), "statusCallbackUrl");
        if (statusCallbackUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "statusCallbackUrl must not have a fragment (was " + statusCallbackUrl + ")");
        }
        this.publicWebhookBaseUrl =
                b.publicWebhookBaseUrl == null ? null : absoluteHttp(b.publicWebhookBaseUrl, "publicWebhookBaseUrl");
        this.apiBaseUrl = b.apiBaseUrl == null ? null : absoluteHttp(b.apiBaseUrl, "apiBaseUrl");
        this.validityPeriod = b.validityPeriod;
        if (validityPeriod != null
                && (validityPeriod.toSeconds() < MIN_VALIDITY_SECONDS
                        || validityPeriod.toSeconds() > MAX_VALIDITY_SECONDS)) {
            throw new IllegalArgumentException("validityPeriod must be " + MIN_VALIDITY_SECONDS + ".."
                    + MAX_VALIDITY_SECONDS + " seconds (was " + validityPeriod + ")");
        }
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        this.maxConcurrentSends = positive(b.maxConcurrentSends, "maxConcurrentSends");
        this.maxQueuedSends = positive(b.maxQueuedSends, "maxQueuedSends");
        this.contentTemplates = Map.copyOf(b.contentTemplates);
        this.keywords = require(b.keywords, "keywords");
        this.checkCredentialsAtLaunch = b.checkCredentialsAtLaunch;
        this.clock = require(b.clock, "clock");
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with the defaults
     */
    public static Builder custom() {
        return new Builder();
    }

    /** @return the account SID, {@code AC…} */
    public String accountSid() {
        return accountSid;
    }

    /** @return the auth token; also the key of webhook signatures */
    public Secret authToken() {
        return authToken;
    }

    /** @return the default sender: {@code +E164}, {@code whatsapp:+E164}, a short code or a Messaging Service SID */
    public String sender() {
        return sender;
    }

    /** @return the kind of sender, which sets the default pace and whether this is WhatsApp */
    public TwilioSenderType senderType() {
        return senderType;
    }

    /** @return true when this adapter sends WhatsApp messages */
    public boolean whatsApp() {
        return senderType == TwilioSenderType.WHATSAPP;
    }

    /** @return messages per second one sender may send */
    public double messagesPerSecond() {
        return messagesPerSecond;
    }

    /** @return the public URL Twilio posts status callbacks to; the correlation id is added as a query parameter */
    public URI statusCallbackUrl() {
        return statusCallbackUrl;
    }

    /** @return scheme, host and path prefix of webhook URLs as Twilio calls them, when behind a proxy */
    public Optional<URI> publicWebhookBaseUrl() {
        return Optional.ofNullable(publicWebhookBaseUrl);
    }

    /** @return the API base URL replacing {@code https://api.twilio.com}, for tests */
    public Optional<URI> apiBaseUrl() {
        return Optional.ofNullable(apiBaseUrl);
    }

    /** @return how long a message may wait in Twilio's queue, when set */
    public Optional<Duration> validityPeriod() {
        return Optional.ofNullable(validityPeriod);
    }

    /** @return the HTTP connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long to wait for Twilio's answer */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how many message creations may be in flight at once */
    public int maxConcurrentSends() {
        return maxConcurrentSends;
    }

    /** @return how many sends may wait for a free slot */
    public int maxQueuedSends() {
        return maxQueuedSends;
    }

    /** @return Content SIDs by template key ({@code name} or {@code name/language}) */
    public Map<String, String> contentTemplates() {
        return contentTemplates;
    }

    /** @return the SMS opt-out, opt-in and help words of this sender; {@link TwilioKeywords#defaults()} unless set */
    public TwilioKeywords keywords() {
        return keywords;
    }

    /** @return whether {@link TwilioChannelAdapter#preflight} also asks Twilio about the account and the sender */
    public boolean checkCredentialsAtLaunch() {
        return checkCredentialsAtLaunch;
    }

    /** @return the clock for receipts and event timestamps */
    public Clock clock() {
        return clock;
    }

    /**
     * The Content SID for a template: the name itself when it is a Content SID, else the one
     * registered for {@code name/language}, else for {@code name}.
     *
     * @param name     the template name, not null
     * @param language the template language, not null
     * @return the {@code HX…} SID, or empty when none is known
     */
    public Optional<String> contentSidFor(String name, String language) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        if (CONTENT_SID.matcher(name).matches()) {
            return Optional.of(name);
        }
        String sid = contentTemplates.get(name + "/" + language);
        return Optional.ofNullable(sid != null ? sid : contentTemplates.get(name));
    }

    @Override
    public String toString() {
        return "TwilioConfig[accountSid=" + accountSid + ", authToken=" + authToken + ", sender=" + sender
                + ", senderType=" + senderType + ", messagesPerSecond=" + messagesPerSecond
                + ", statusCallbackUrl=" + statusCallbackUrl + ", publicWebhookBaseUrl=" + publicWebhookBaseUrl
                + ", apiBaseUrl=" + apiBaseUrl + ", validityPeriod=" + validityPeriod
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxConcurrentSends=" + maxConcurrentSends + ", maxQueuedSends=" + maxQueuedSends
                + ", contentTemplates=" + contentTemplates + ", checkCredentialsAtLaunch=" + checkCredentialsAtLaunch
                + "]";
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static URI absoluteHttp(URI url, String name) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        // URI leaves the host null for names Twilio refuses too, such as ones with an underscore.
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException(
                    name + " must be an absolute http(s) URL with a valid host name (was " + url + ")");
        }
        return url;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration (was " + value + ")");
        }
        return value;
    }

    private static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive (was " + value + ")");
        }
        return value;
    }

    /** Builder of {@link TwilioConfig}; not thread-safe. */
    public static final class Builder {
        private @Nullable String accountSid;
        private @Nullable Secret authToken;
        private @Nullable String sender;
        private @Nullable TwilioSenderType senderType;
        private @Nullable Double messagesPerSecond;
        private @Nullable URI statusCallbackUrl;
        private @Nullable URI publicWebhookBaseUrl;
        private @Nullable URI apiBaseUrl;
        private @Nullable Duration validityPeriod;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxConcurrentSends = DEFAULT_MAX_CONCURRENT_SENDS;
        private int maxQueuedSends = DEFAULT_MAX_QUEUED_SENDS;
        private final Map<String, String> contentTemplates = new TreeMap<>();
        private Clock clock = Clock.systemUTC();
        private TwilioKeywords keywords = TwilioKeywords.defaults();
        private boolean checkCredentialsAtLaunch;

        private Builder() {}

        /** @param value the account SID, {@code AC} and 32 hex digits (required) @return this builder */
        public Builder accountSid(String value) {
            this.accountSid = value;
            return this;
        }

        /** @param value the auth token (required) @return this builder */
        public Builder authToken(Secret value) {
            this.authToken = value;
            return this;
        }

        /** @param value the auth token (required) @return this builder */
        public Builder authToken(String value) {
            this.authToken = value == null || value.isBlank() ? null : Secret.of(value);
            return this;
        }

        /**
         * @param value {@code +E164}, {@code whatsapp:+E164}, a short code (five or six digits, its type
         *     {@link TwilioSenderType#SHORT_CODE}) or {@code MG…} (required)
         * @return this builder
         */
        public Builder sender(String value) {
            this.sender = value;
            return this;
        }

        /** @param value the sender's kind; default WHATSAPP for {@code whatsapp:} senders, else LONG_CODE @return this builder */
        public Builder senderType(TwilioSenderType value) {
            this.senderType = value;
            return this;
        }

        /** @param value messages per second; default the sender type's @return this builder */
        public Builder messagesPerSecond(double value) {
            this.messagesPerSecond = value;
            return this;
        }

        /** @param value the public status callback URL (required) @return this builder */
        public Builder statusCallbackUrl(URI value) {
            this.statusCallbackUrl = value;
            return this;
        }

        /** @param value public scheme, host and path prefix of the webhooks as Twilio calls them @return this builder */
        public Builder publicWebhookBaseUrl(URI value) {
            this.publicWebhookBaseUrl = value;
            return this;
        }

        /** @param value replaces {@code https://api.twilio.com}, for tests @return this builder */
        public Builder apiBaseUrl(URI value) {
            this.apiBaseUrl = value;
            return this;
        }

        /** @param value how long a message may wait in Twilio's queue, 1 s to 10 h @return this builder */
        public Builder validityPeriod(Duration value) {
            this.validityPeriod = value;
            return this;
        }

        /** @param value the connect timeout @return this builder */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** @param value how long to wait for an answer @return this builder */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** @param value message creations in flight at once @return this builder */
        public Builder maxConcurrentSends(int value) {
            this.maxConcurrentSends = value;
            return this;
        }

        /** @param value sends waiting for a slot before refusal @return this builder */
        public Builder maxQueuedSends(int value) {
            this.maxQueuedSends = value;
            return this;
        }

        /**
         * Maps a template name to its Content SID.
         *
         * @param name       the template name, not blank
         * @param language   the language, or null for every language
         * @param contentSid {@code HX} and 32 hex digits
         * @return this builder
         */
        public Builder contentTemplate(String name, @Nullable String language, String contentSid) {
            require(name, "contentTemplate name");
            if (contentSid == null || !CONTENT_SID.matcher(contentSid).matches()) {
                throw new IllegalArgumentException("contentSid of template '" + name
                        + "' must be 'HX' and 32 hex digits (was '" + contentSid + "')");
            }
            contentTemplates.put(language == null ? name : name + "/" + language, contentSid);
            return this;
        }

        /** @param value the SMS keywords of this sender (SMS only; never applied to WhatsApp) @return this builder */
        public Builder keywords(TwilioKeywords value) {
            this.keywords = value;
            return this;
        }

        /**
         * @param value true: the adapter's {@link TwilioChannelAdapter#preflight preflight}, which the engine runs
         *              before a launch engages anyone, also asks Twilio once whether the account and the sender
         *              are accepted (a refusal refuses the launch; no answer refuses nothing). Off by default,
         *              and seldom needed: the engine itself asks at every launch by default, before its lock
         *              ({@code CampaignEngineBuilder.checkCredentialsAtLaunch}); this asks again inside the
         *              preflight, under the engine's lock, and in the dry run
         * @return this builder
         */
        public Builder checkCredentialsAtLaunch(boolean value) {
            this.checkCredentialsAtLaunch = value;
            return this;
        }

        /** @param value the clock for receipts and event timestamps @return this builder */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws IllegalArgumentException naming the first missing or invalid value
         */
        public TwilioConfig build() {
            return new TwilioConfig(this);
        }
    }
}
