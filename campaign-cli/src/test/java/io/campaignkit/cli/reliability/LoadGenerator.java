package io.campaignkit.cli.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A bounded load generator on loopback: posts a given list of webhook requests to one URL from
 * {@code concurrency} connections at once, each request once, and stops when the list is done or at
 * its deadline. It records each request's latency and whether the answer had an expected status.
 */
final class LoadGenerator {

    /** One webhook call: its body, its signature header (null: none) and the statuses it may get. */
    record Request(byte[] body, String signature, int[] expected) {
        Request withSignature(String otherSignature, int... otherExpected) {
            return new Request(body, otherSignature, otherExpected);
        }

        boolean expects(int status) {
            return Arrays.stream(expected).anyMatch(e -> e == status);
        }
    }

    /** What a run measured. */
    record Result(
            int completed,
            int failures,
            List<String> unexpected,
            long p50Micros,
            long p99Micros,
            long maxMicros,
            double requestsPerSecond,
            int peakSample) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d requests, %d unexpected, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %.0f requests/s",
                    completed,
                    failures,
                    p50Micros / 1000.0,
                    p99Micros / 1000.0,
                    maxMicros / 1000.0,
                    requestsPerSecond);
        }
    }

    private final URI url;
    private final int concurrency;
    private final Duration deadline;

    LoadGenerator(URI url, int concurrency, Duration deadline) {
        this.url = url;
        this.concurrency = concurrency;
        this.deadline = deadline;
    }

    /** Posts every request once; {@code sample} is read every 50 ms meanwhile, its highest value kept. */
    Result run(List<Request> requests, IntSupplier sample) throws InterruptedException {
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        long stopAt = System.nanoTime() + deadline.toNanos();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(
                    () -> {
                        for (int i = next.getAndIncrement();
                                i < requests.size() && System.nanoTime() < stopAt;
                                i = next.getAndIncrement()) {
                            Request request = requests.get(i);
                            HttpRequest.Builder post = HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
                            if (request.signature() != null) {
                                post.header("X-Hub-Signature-256", request.signature());
                            }
                            long sent = System.nanoTime();
                            String outcome;
                            try {
                                int status = http.send(post.build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode();
                                outcome = request.expects(status)
                                        ? null
                                        : "status " + status + " for " + preview(request);
                            } catch (IOException failed) {
                                outcome = failed + " for " + preview(request);
                            } catch (InterruptedException stopped) {
                                return;
                            }
                            latencies[i] = (System.nanoTime() - sent) / 1000;
                            completed.incrementAndGet();
                            if (outcome != null) {
                                failures.incrementAndGet();
                                if (unexpected.size() < 10) {
                                    unexpected.add(outcome);
                                }
                            }
                        }
                    },
                    "load-" + w);
            worker.start();
            workers.add(worker);
        }
        int peak = sample.getAsInt();
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                worker.join(50);
                peak = Math.max(peak, sample.getAsInt());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clientThreads.shutdownNow();
        clientThreads.awaitTermination(10, TimeUnit.SECONDS);
        long[] done = Arrays.copyOf(latencies, Math.min(requests.size(), next.get()));
        Arrays.sort(done);
        return new Result(
                completed.get(),
                failures.get(),
                List.copyOf(unexpected),
                percentile(done, 50),
                percentile(done, 99),
                done.length == 0 ? 0 : done[done.length - 1],
                completed.get() / seconds,
                peak);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static String preview(Request request) {
        String text = new String(
                request.body(), 0, Math.min(80, request.body().length), java.nio.charset.StandardCharsets.UTF_8);
        return "'" + text.strip() + "…' (" + request.body().length + " bytes)";
    }
}
