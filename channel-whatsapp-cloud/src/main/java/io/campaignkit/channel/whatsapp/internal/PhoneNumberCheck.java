package io.campaignkit.channel.whatsapp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The online check of a phone-number id and its token: one {@code GET {base}/{version}/{phone-number-id}}
 * asking for the number's display form, verified name and quality rating. Meta's answer is mapped by its
 * error code: 190 (and 102) is a token Meta refuses, 10 and 200-299 a token without the permission, 100 (an
 * object that "does not exist, cannot be loaded due to missing permissions") and 404 a phone-number id the
 * token cannot see; anything else, and no answer at all, checks nothing.
 */
public final class PhoneNumberCheck {

    static final String FIELDS = "display_phone_number,verified_name,quality_rating";

    private final HttpClient http;
    private final URI base;
    private final String apiVersion;
    private final String authorization;
    private final String token;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final Executor completions;

    public PhoneNumberCheck(
            HttpClient http,
            URI base,
            String apiVersion,
            String accessToken,
            Duration timeout,
            ObjectMapper mapper,
            Executor completions) {
        this.http = http;
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.apiVersion = apiVersion;
        this.authorization = "Bearer " + accessToken;
        this.token = accessToken;
        this.timeout = timeout;
        this.mapper = mapper;
        this.completions = completions;
    }

    /** Never completes exceptionally. */
    public CompletableFuture<CredentialsCheck> check(String phoneNumberId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "?fields=" + FIELDS))
                .timeout(timeout)
                .header("Authorization", authorization)
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> call;
        try {
            call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException refused) {
            return CompletableFuture.completedFuture(notChecked(refused));
        }
        return call.handleAsync(
                (response, failure) -> {
                    try {
                        return failure == null
                                ? answer(response.statusCode(), response.body(), phoneNumberId)
                                : notChecked(failure);
                    } catch (RuntimeException unexpected) {
                        return notChecked(unexpected);
                    }
                },
                completions);
    }

    /** What Meta's answer means for the phone-number id and the token. */
    CredentialsCheck answer(int status, byte[] body, String phoneNumberId) {
        JsonNode root = parse(body);
        if (status >= 200 && status < 300) {
            if (root == null || GraphResponseReader.text(root, "id") == null) {
                return new CredentialsCheck.NotChecked("Graph answered HTTP " + status + " without a phone number");
            }
            return new CredentialsCheck.Accepted("phone-number id " + phoneNumberId + " is "
                    + orUnknown(GraphResponseReader.text(root, "display_phone_number")) + " ("
                    + orUnknown(GraphResponseReader.text(root, "verified_name")) + "), quality rating "
                    + orUnknown(GraphResponseReader.text(root, "quality_rating")));
        }
        JsonNode error = root == null ? null : root.get("error");
        Integer code = error == null ? null : GraphResponseReader.code(error.get("code"));
        String said = redacted(new GraphError(
                        status,
                        code,
                        GraphResponseReader.text(error, "type"),
                        GraphResponseReader.text(error, "message"),
                        null,
                        GraphResponseReader.text(error, "fbtrace_id"))
                .describe());
        if ((code != null && (code == 190 || code == 102)) || (code == null && status == 401)) {
            return refused(
                    PreflightProblem.CREDENTIALS,
                    "Meta refused the access token (setting access-token): " + said
                            + "; give the adapter a valid system-user token with whatsapp_business_messaging");
        }
        if (code != null && (code == 10 || code == 3 || (code >= 200 && code <= 299))) {
            return refused(
                    PreflightProblem.CREDENTIALS,
                    "the access token (setting access-token) may not use phone-number id " + phoneNumberId + ": " + said
                            + "; grant it whatsapp_business_messaging for this number's account");
        }
        if ((code != null && (code == 100 || code == 803)) || (code == null && status == 404)) {
            return refused(
                    PreflightProblem.SENDER,
                    "Meta has no phone number with id " + phoneNumberId
                            + " that this token can see (setting phone-number-id): " + said
                            + "; copy the Phone number ID from WhatsApp Manager, API setup");
        }
        return new CredentialsCheck.NotChecked("Graph answered " + said + "; the credentials were not checked");
    }

    private static CredentialsCheck refused(String subject, String problem) {
        return new CredentialsCheck.Refused(List.of(new PreflightProblem(subject, problem)));
    }

    private CredentialsCheck notChecked(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why;
        if (cause instanceof HttpConnectTimeoutException
                || cause instanceof ConnectException
                || (cause instanceof IOException && cause.getCause() instanceof ConnectException)) {
            why = "could not connect to Graph at " + base;
        } else if (cause instanceof HttpTimeoutException) {
            why = "Graph did not answer within " + timeout;
        } else {
            why = "the call to Graph failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + redacted(cause.getMessage()));
        }
        return new CredentialsCheck.NotChecked(why + "; the credentials were not checked");
    }

    private String redacted(String text) {
        return token.isEmpty() ? text : text.replace(token, "****");
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = mapper.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
