package io.campaignkit.benchmarks.whatsapp;

import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.whatsapp.WhatsAppCloudAdapter;
import io.campaignkit.channel.whatsapp.WhatsAppCloudConfig;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sustained sends per second of the WhatsApp Cloud adapter against the fake Graph API on loopback,
 * which answers after 0 ms or 200 ms from a scheduler (no thread per waiting request).
 *
 * <p>One invocation hands {@value #SENDS_PER_INVOCATION} sends to the adapter at once and waits for
 * all of them; the adapter keeps at most {@code maxInFlight} requests outstanding and queues the rest
 * asynchronously. JMH reports sends per second ({@link OperationsPerInvocation}). Target (issue 6):
 * 1,000 sends/s with 200 ms latency, which needs at least 200 requests in flight.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The ForkJoinPool flag a host on 2 cores needs (see WhatsAppCloudAdapter): without it JDK 17 starts a
// thread per answer and the rate halves here (measured 2026-12-06, BENCHMARKS.md).
// The fake server (JDK HttpServer) closes idle keep-alive connections beyond 200 by default, and the
// client may reuse one just closed: raise that limit above maxInFlight so the fake does not drop them.
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xmx512m",
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
            "-Dsun.net.httpserver.maxIdleConnections=1024"
        })
@Warmup(iterations = 1, time = 4)
@Measurement(iterations = 2, time = 5)
public class WhatsAppSendThroughputBenchmark {

    static final int SENDS_PER_INVOCATION = 2048;
    private static final String PHONE_NUMBER_ID = "106540352242922";

    @Param({"0", "200"})
    public int latencyMillis;

    @Param({"256", "512"})
    public int maxInFlight;

    private FakeGraphApi graph;
    private WhatsAppCloudAdapter adapter;
    private OutboundMessage message;

    @Setup(Level.Trial)
    public void start() {
        graph = FakeGraphApi.startWithoutRecording().acceptAllAfter(Duration.ofMillis(latencyMillis));
        adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                .phoneNumberId(PHONE_NUMBER_ID)
                .accessToken(Secret.of("benchmark-token"))
                .appSecret(Secret.of("benchmark-app-secret"))
                .verifyToken(Secret.of("benchmark-verify-token"))
                .baseUrl(graph.baseUrl())
                .maxRequestsInFlight(maxInFlight)
                .maxMessagesPerSecond(1000)
                .build());
        message = new OutboundMessage(
                "+5215512345678",
                PHONE_NUMBER_ID,
                "bench:r1",
                TemplateContent.of("promo_may", "es_MX", List.of("Ana", "20%")));
    }

    @TearDown(Level.Trial)
    public void stop() {
        System.out.println("max requests in flight at the fake server: " + graph.maxConcurrentRequests()
                + "; peak JVM threads: " + ManagementFactory.getThreadMXBean().getPeakThreadCount()
                + "; live threads by name: "
                + Thread.getAllStackTraces().keySet().stream()
                        .collect(Collectors.groupingBy(
                                thread -> thread.getName().replaceAll("[0-9]+", "#"), Collectors.counting())));
        adapter.close();
        graph.close();
    }

    @Benchmark
    @OperationsPerInvocation(SENDS_PER_INVOCATION)
    public int sendBatch() {
        @SuppressWarnings("unchecked")
        CompletableFuture<SendReceipt>[] sends = new CompletableFuture[SENDS_PER_INVOCATION];
        for (int i = 0; i < SENDS_PER_INVOCATION; i++) {
            sends[i] = adapter.send(message).toCompletableFuture();
        }
        CompletableFuture.allOf(sends).join();
        return sends.length;
    }
}
