package io.campaignkit.channel.twilio.internal;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Twilio SDK's HTTP client, on {@code java.net.http}, that sends every request exactly once.
 *
 * <p>The SDK's default client re-POSTs on any 5xx, so a message Twilio accepted but answered badly
 * could go out two or three times. Here a 5xx becomes an {@link ApiException} with its HTTP status
 * at once (the adapter classes it as an unknown outcome), and transport failures say whether the
 * request may have left.
 *
 * <p>An optional base URL replaces scheme, host and port of every request (path and query kept), so
 * tests can point the SDK at a fake server; the SDK itself has no base-URL setting.
 */
public final class NonRetryingHttpClient extends com.twilio.http.HttpClient {

    /** Headers {@code java.net.http} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final String USER_AGENT = "campaignkit-channel-twilio (twilio-java 10)";

    private final HttpClient http;
    private final URI baseUrlOverride;
    private final Duration requestTimeout;

    /**
     * @param baseUrlOverride {@code null} for the real Twilio hosts, else e.g. {@code http://localhost:8080}
     */
    public NonRetryingHttpClient(URI baseUrlOverride, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrlOverride = baseUrlOverride;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest httpRequest = toHttpRequest(request);
        try {
            HttpResponse<String> response =
                    http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            rejectUnparseableFailure(response);
            // An empty header array, not null: the SDK iterates the headers when debug logging is on.
            return new Response(response.body(), response.statusCode(), new org.apache.http.Header[0]);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            // No connection, so no request: safe to retry.
            throw new TwilioTransportException("could not connect to the Twilio API: " + e.getMessage(), false, e);
        } catch (HttpTimeoutException e) {
            throw new TwilioTransportException("no answer from the Twilio API within " + requestTimeout, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwilioTransportException("interrupted while waiting for the Twilio API", true, e);
        } catch (IOException e) {
            // java.net.http does not resend a POST on a broken connection (only idempotent methods),
            // so this request went out at most once, and may have.
            throw new TwilioTransportException("connection to the Twilio API lost: " + e.getMessage(), true, e);
        }
    }

    /**
     * The SDK reads the error from the JSON body and loses the HTTP status when the body is not
     * JSON (a proxy's HTML page, an empty 503). A 5xx must stay recognisable as such whatever its
     * body, so those failures become an {@link ApiException} carrying the HTTP status here.
     */
    private static void rejectUnparseableFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean jsonBody = response.body() != null && response.body().strip().startsWith("{");
        if (status >= 500 || (status >= 400 && !jsonBody)) {
            throw new ApiException("Twilio API answered HTTP " + status, null, null, status, null);
        }
    }

    private HttpRequest toHttpRequest(Request request) {
        URI target = redirect(request.constructURL());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            boolean json = request.getContentType() == EnumConstants.ContentType.JSON;
            String body = json ? request.getBody() : request.encodeFormBody();
            builder.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
            builder.method(
                    method.toString(),
                    HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private URI redirect(URL original) {
        if (baseUrlOverride == null) {
            return URI.create(original.toString());
        }
        String base = baseUrlOverride.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String query = original.getQuery();
        return URI.create(base + original.getPath() + (query == null ? "" : "?" + query));
    }
}
