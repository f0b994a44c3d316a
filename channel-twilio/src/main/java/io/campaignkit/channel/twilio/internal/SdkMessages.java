package io.campaignkit.channel.twilio.internal;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;

/** The only place that turns a {@link MessageRequest} into SDK calls. */
public final class SdkMessages {

    private SdkMessages() {}

    /** A REST client of its own (never the static {@code Twilio} one) on the non-retrying HTTP client. */
    public static TwilioRestClient restClient(
            String accountSid,
            String authToken,
            URI apiBaseUrlOverride,
            Duration connectTimeout,
            Duration requestTimeout) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new NonRetryingHttpClient(apiBaseUrlOverride, connectTimeout, requestTimeout))
                .build();
    }

    /** Posts the message once; SDK exceptions (ApiException, TwilioTransportException) propagate. */
    public static Message create(TwilioRestClient client, MessageRequest request) {
        return creator(request).create(client);
    }

    static MessageCreator creator(MessageRequest request) {
        PhoneNumber to = new PhoneNumber(request.to());
        MessageCreator creator = request.from() != null
                ? Message.creator(to, new PhoneNumber(request.from()), (String) null)
                : Message.creator(to, request.messagingServiceSid(), (String) null);
        if (request.body() != null) {
            creator.setBody(request.body());
        }
        if (!request.mediaUrls().isEmpty()) {
            creator.setMediaUrl(request.mediaUrls());
        }
        if (request.contentSid() != null) {
            creator.setContentSid(request.contentSid());
            creator.setContentVariables(request.contentVariables());
        }
        if (request.statusCallback() != null) {
            creator.setStatusCallback(request.statusCallback());
        }
        if (request.validityPeriodSeconds() != null) {
            creator.setValidityPeriod(request.validityPeriodSeconds());
        }
        return creator;
    }
}
