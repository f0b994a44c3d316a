package io.campaignkit.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The channels configured by properties, {@code campaignkit.channels.<channel id>.*}. A channel's keys are
 * its adapter provider's settings keys (the most used ones typed here, for completion; any other key of
 * the provider under {@code settings}). Secrets are never logged; Actuator masks them as it masks every value.
 */
public class ChannelProperties {

    private final WhatsAppCloud whatsappCloud = new WhatsAppCloud();
    private final Twilio twilio = new Twilio();
    private final Simulated simulated = new Simulated();

    public WhatsAppCloud getWhatsappCloud() {
        return whatsappCloud;
    }

    public Twilio getTwilio() {
        return twilio;
    }

    public Simulated getSimulated() {
        return simulated;
    }

    /** Settings of one channel as its provider reads them, kebab-case keys; only the keys that are set. */
    abstract static class Channel {
        /** Any other setting of the channel's adapter provider, by its key (such as max-messages-per-second). */
        private Map<String, String> settings = new LinkedHashMap<>();

        public Map<String, String> getSettings() {
            return settings;
        }

        public void setSettings(Map<String, String> settings) {
            this.settings = settings;
        }

        abstract boolean configured();

        Map<String, String> providerSettings() {
            Map<String, String> all = new LinkedHashMap<>(settings);
            typed(all);
            return all;
        }

        abstract void typed(Map<String, String> into);

        static void put(Map<String, String> into, String key, @Nullable Object value) {
            if (value != null) {
                into.put(key, value.toString());
            }
        }
    }

    /** Meta's WhatsApp Cloud API; configured when phone-number-id is set. */
    public static class WhatsAppCloud extends Channel {
        /** The WhatsApp business phone number's id. */
        private @Nullable String phoneNumberId;
        /** The Graph API access token (a secret). */
        private @Nullable String accessToken;
        /** The Meta app's secret, which signs webhooks (a secret). */
        private @Nullable String appSecret;
        /** The token Meta's webhook verification repeats (a secret). */
        private @Nullable String verifyToken;
        /** The Graph API version, such as v23.0. */
        private @Nullable String apiVersion;

        @Override
        boolean configured() {
            return phoneNumberId != null && !phoneNumberId.isBlank();
        }

        @Override
        void typed(Map<String, String> into) {
            put(into, "phone-number-id", phoneNumberId);
            put(into, "access-token", accessToken);
            put(into, "app-secret", appSecret);
            put(into, "verify-token", verifyToken);
            put(into, "api-version", apiVersion);
        }

        public @Nullable String getPhoneNumberId() {
            return phoneNumberId;
        }

        public void setPhoneNumberId(@Nullable String phoneNumberId) {
            this.phoneNumberId = phoneNumberId;
        }

        public @Nullable String getAccessToken() {
            return accessToken;
        }

        public void setAccessToken(@Nullable String accessToken) {
            this.accessToken = accessToken;
        }

        public @Nullable String getAppSecret() {
            return appSecret;
        }

        public void setAppSecret(@Nullable String appSecret) {
            this.appSecret = appSecret;
        }

        public @Nullable String getVerifyToken() {
            return verifyToken;
        }

        public void setVerifyToken(@Nullable String verifyToken) {
            this.verifyToken = verifyToken;
        }

        public @Nullable String getApiVersion() {
            return apiVersion;
        }

        public void setApiVersion(@Nullable String apiVersion) {
            this.apiVersion = apiVersion;
        }
    }

    /** Twilio Programmable Messaging; configured when account-sid is set. */
    public static class Twilio extends Channel {
        /** The account SID. */
        private @Nullable String accountSid;
        /** The auth token, which also signs webhooks (a secret). */
        private @Nullable String authToken;
        /** The sending number or Messaging Service SID. */
        private @Nullable String sender;
        /** The public URL of this application's Twilio webhook, where Twilio posts statuses. */
        private @Nullable String statusCallbackUrl;

        @Override
        boolean configured() {
            return accountSid != null && !accountSid.isBlank();
        }

        @Override
        void typed(Map<String, String> into) {
            put(into, "account-sid", accountSid);
            put(into, "auth-token", authToken);
            put(into, "sender", sender);
            put(into, "status-callback-url", statusCallbackUrl);
        }

        public @Nullable String getAccountSid() {
            return accountSid;
        }

        public void setAccountSid(@Nullable String accountSid) {
            this.accountSid = accountSid;
        }

        public @Nullable String getAuthToken() {
            return authToken;
        }

        public void setAuthToken(@Nullable String authToken) {
            this.authToken = authToken;
        }

        public @Nullable String getSender() {
            return sender;
        }

        public void setSender(@Nullable String sender) {
            this.sender = sender;
        }

        public @Nullable String getStatusCallbackUrl() {
            return statusCallbackUrl;
        }

        public void setStatusCallbackUrl(@Nullable String statusCallbackUrl) {
            this.statusCallbackUrl = statusCallbackUrl;
        }
    }

    /**
     * The simulated channel (messages go nowhere; statuses come back through the signed webhook path). Used
     * when enabled, and as the only channel when none is configured, with a warning.
     */
    public static class Simulated extends Channel {
        /** Whether the simulated channel is configured next to the others. */
        private boolean enabled;
        /** How long after a send the simulated handset reports it delivered. */
        private Duration deliveredAfter = Duration.ofSeconds(1);
        /** The public URL of its webhook endpoint, over which its signatures are computed. */
        private @Nullable String webhookUrl;

        @Override
        boolean configured() {
            return enabled;
        }

        @Override
        void typed(Map<String, String> into) {
            put(into, "delivered-after", deliveredAfter);
            put(into, "webhook-url", webhookUrl);
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getDeliveredAfter() {
            return deliveredAfter;
        }

        public void setDeliveredAfter(Duration deliveredAfter) {
            this.deliveredAfter = deliveredAfter;
        }

        public @Nullable String getWebhookUrl() {
            return webhookUrl;
        }

        public void setWebhookUrl(@Nullable String webhookUrl) {
            this.webhookUrl = webhookUrl;
        }
    }
}
