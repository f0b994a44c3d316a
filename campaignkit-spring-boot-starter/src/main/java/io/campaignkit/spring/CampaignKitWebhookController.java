package io.campaignkit.spring;

import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.engine.CampaignEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code <campaignkit.webhooks.path-prefix>/<channel id>}: Meta's GET verification and POST, Twilio's form
 * POST, any adapter's webhook. The raw body is read from the request's stream, never from parsed
 * parameters, and the URL is the one the provider called, so the adapter's signature check sees what the
 * provider signed. The adapter's answer (status, type, body) is written back as it is.
 */
@RestController
@RequestMapping("${campaignkit.webhooks.path-prefix:/campaignkit/webhooks}")
public class CampaignKitWebhookController {

    private final CampaignEngine engine;
    private final CampaignKitChannels channels;
    private final CampaignKitProperties.Webhooks settings;

    public CampaignKitWebhookController(
            CampaignEngine engine, CampaignKitChannels channels, CampaignKitProperties.Webhooks settings) {
        this.engine = engine;
        this.channels = channels;
        this.settings = settings;
    }

    @RequestMapping(
            path = "/{channelId}",
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<String> webhook(@PathVariable("channelId") String channelId, HttpServletRequest request)
            throws IOException {
        if (!channels.registry().channelIds().contains(channelId)) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("unknown channel\n");
        }
        byte[] body = request.getInputStream().readAllBytes();
        WebhookRequest webhook = WebhookRequest.of(request.getMethod(), calledUrl(request), headers(request), body);
        WebhookResult result = engine.handleWebhook(channelId, webhook);
        return ResponseEntity.status(result.status())
                .contentType(MediaType.parseMediaType(result.contentType()))
                .body(result.body());
    }

    private URI calledUrl(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (settings.getPublicBaseUrl() != null) {
            String base = settings.getPublicBaseUrl().toString().replaceAll("/+$", "");
            return URI.create(base + request.getRequestURI() + query);
        }
        return URI.create(request.getRequestURL() + query);
    }

    private static WebhookHeaders headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return WebhookHeaders.of(headers);
    }
}
