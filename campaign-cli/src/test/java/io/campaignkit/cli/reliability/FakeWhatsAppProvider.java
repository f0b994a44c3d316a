package io.campaignkit.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookSignatures;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.MetaWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WhatsApp Cloud as the processes under test see it: the fake Graph API accepts every send, counts
 * the first messages (template sends) per recipient, and, as Meta does, calls the webhook back with a
 * "delivered" status for each; the test adds the contacts' replies. A webhook is posted to one of the
 * processes alive, and posted again (to whichever is alive then) until one answers 200, as Meta retries.
 */
final class FakeWhatsAppProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGE_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Duration RETRY_AFTER = Duration.ofMillis(100);

    private final FakeGraphApi graph = FakeGraphApi.start();
    private final Map<String, AtomicInteger> firstMessages = new ConcurrentHashMap<>();
    private final List<URI> endpoints = new CopyOnWriteArrayList<>();
    private final DelayQueue<Pending> webhooks = new DelayQueue<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger posts = new AtomicInteger();
    private final ExecutorService posters = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "fake-meta-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private volatile boolean closed;

    FakeWhatsAppProvider() {
        graph.otherwise(request -> {
            FakeGraphApi.Response answer = graph.accepted(request);
            JsonNode send = parse(request.body());
            String to = send.path("to").asText();
            if (send.path("type").asText().equals("template")) {
                firstMessages.computeIfAbsent(to, key -> new AtomicInteger()).incrementAndGet();
            }
            Matcher id =
                    MESSAGE_ID.matcher(answer.body().substring(answer.body().indexOf("\"messages\"")));
            if (id.find()) {
                String callback = send.path("biz_opaque_callback_data").asText("");
                String extra = callback.isEmpty() ? "" : "'biz_opaque_callback_data':'" + callback + "'";
                post("status:" + id.group(1), MetaWebhooks.status(id.group(1), "delivered", to, extra));
            }
            return answer;
        });
        for (int i = 0; i < 4; i++) {
            posters.execute(this::postWebhooks);
        }
    }

    URI baseUrl() {
        return graph.baseUrl();
    }

    /** The first messages (template sends) each recipient ({@code wa_id}) was sent. */
    Map<String, Integer> firstMessages() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        firstMessages.forEach((to, count) -> counts.put(to, count.get()));
        return counts;
    }

    /** A reply of {@code fromWaId}, posted until a process accepts it. */
    void reply(String fromWaId, String messageId) {
        post("inbound:" + messageId, MetaWebhooks.message(fromWaId, messageId, "text", "'text':{'body':'Ya pagué'}"));
    }

    /** Webhooks not yet answered 200. */
    int unanswered() {
        return unanswered.get();
    }

    /** The keys ({@code status:wamid} or {@code inbound:wamid}) of the webhooks a process answered 200. */
    Set<String> acceptedWebhooks() {
        return Set.copyOf(accepted);
    }

    int postCount() {
        return posts.get();
    }

    void endpointUp(URI endpoint) {
        endpoints.add(endpoint);
    }

    void endpointDown(URI endpoint) {
        endpoints.remove(endpoint);
    }

    private void post(String key, String valueFields) {
        unanswered.incrementAndGet();
        webhooks.add(new Pending(
                key,
                MetaWebhooks.notificationFor(CampaignProcess.PHONE_NUMBER_ID, valueFields)
                        .replace('\'', '"')
                        .getBytes(StandardCharsets.UTF_8),
                System.nanoTime()));
    }

    private void postWebhooks() {
        while (!closed) {
            Pending webhook;
            try {
                webhook = webhooks.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopped) {
                return;
            }
            if (webhook == null) {
                continue;
            }
            if (deliver(webhook)) {
                accepted.add(webhook.key());
                unanswered.decrementAndGet();
            } else {
                webhooks.add(new Pending(webhook.key(), webhook.body(), System.nanoTime() + RETRY_AFTER.toNanos()));
            }
        }
    }

    private boolean deliver(Pending webhook) {
        List<URI> alive = List.copyOf(endpoints);
        if (alive.isEmpty()) {
            return false;
        }
        URI endpoint = alive.get(ThreadLocalRandom.current().nextInt(alive.size()));
        String signature =
                "sha256=" + WebhookSignatures.hmacSha256Hex(Secret.of(CampaignProcess.APP_SECRET), webhook.body());
        posts.incrementAndGet();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .header(MetaWebhooks.SIGNATURE_HEADER, signature)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException killedMeanwhile) {
            return false;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        posters.shutdownNow();
        graph.close();
    }

    private record Pending(String key, byte[] body, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Pending) other).dueNanos);
        }
    }
}
