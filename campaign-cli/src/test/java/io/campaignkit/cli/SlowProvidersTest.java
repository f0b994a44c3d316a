package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.cli.HostileProvider.Behaviour;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and broken providers (issue 19, item 4). {@code run} sends to 40 contacts through the real
 * adapters against a {@link HostileProvider}: 12 requests are held and never answered, 4 would be
 * answered after 30 s, 4 connections are reset, 4 answers are not HTTP, 16 are accepted. With
 * {@code --provider-timeout 2s --max-in-flight 4}: requests wait at once only by the bound's worth, never all the held ones; every
 * broken send ends UNKNOWN (at most once: no recipient is requested twice); the accepted ones are
 * SENT all the same and the campaign finishes; threads do not grow with the held requests; the
 * summary says how many sends got no usable answer.
 */
class SlowProvidersTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final int CONTACTS = 40;
    private static final int MAX_IN_FLIGHT = 4;

    @TempDir
    Path dir;

    @Test
    void whatsAppCloudCampaignGetsThroughAHostileGraphApi() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        try (HostileProvider graph = new HostileProvider(
                SlowProvidersTest::whatsAppRecipient,
                SlowProvidersTest::behaviourOf,
                body -> "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + whatsAppRecipient(body)
                        + "\",\"wa_id\":\"" + whatsAppRecipient(body) + "\"}],\"messages\":[{\"id\":\"wamid.h"
                        + ids.incrementAndGet() + "\"}]}")) {
            check(
                    graph,
                    "whatsapp-cloud",
                    List.of("no response within the request timeout: 16"),
                    "--template",
                    "saldo_pendiente",
                    "--language",
                    "es_MX",
                    "--channel",
                    "whatsapp-cloud",
                    "--wa-phone-number-id",
                    "109876543210",
                    "--wa-token",
                    "token",
                    "--wa-app-secret",
                    "app-secret",
                    "--wa-verify-token",
                    "verify",
                    "--wa-api-url",
                    graph.baseUrl().toString().replace("localhost", "127.0.0.1"));
        }
    }

    @Test
    void twilioCampaignGetsThroughAHostileMessagesApi() throws Exception {
        AtomicInteger sids = new AtomicInteger();
        try (HostileProvider twilio = new HostileProvider(
                SlowProvidersTest::twilioRecipient,
                SlowProvidersTest::behaviourOf,
                body -> "{\"sid\":\"" + String.format(Locale.ROOT, "SM%032d", sids.incrementAndGet())
                        + "\",\"status\":\"queued\",\"error_code\":null}")) {
            check(
                    twilio,
                    "twilio",
                    List.of("no answer from the Twilio API within PT2S: 16", "connection to the Twilio API lost: 8"),
                    "--text",
                    "Hola {{1}}",
                    "--channel",
                    "twilio",
                    "--twilio-account-sid",
                    ACCOUNT_SID,
                    "--twilio-auth-token",
                    "auth-token",
                    "--twilio-from",
                    "+15005550006",
                    "--twilio-api-url",
                    twilio.baseUrl().toString(),
                    "--public-url",
                    "https://hooks.example.com");
        }
    }

    private void check(HostileProvider provider, String channel, List<String> unknownCodes, String... channelArgs)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--report",
                dir.resolve("report.csv").toString(),
                "--contacts",
                contacts().toString(),
                "--field",
                "NOMBRE:TEXT",
                "--param",
                "1=name",
                "--hours",
                "MON-SUN 00:00-24:00",
                "--zone",
                "UTC",
                "--wait",
                "0s",
                "--provider-timeout",
                "2s",
                "--max-in-flight",
                Integer.toString(MAX_IN_FLIGHT)));
        args.addAll(List.of(channelArgs));
        int threadsBefore = applicationThreads();
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        int peakBefore = ManagementFactory.getThreadMXBean().getPeakThreadCount();

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("FINISHED on " + channel);
        assertThat(count(run.out(), "sent")).as(run.out()).isEqualTo(16);
        assertThat(count(run.out(), "unknown")).as(run.out()).isEqualTo(24);
        // the summary says what the provider did: timed out (held, slow), connection lost (reset), unreadable (garbage)
        String report = Files.readString(dir.resolve("report.csv"));
        assertThat(run.out())
                .as(report)
                .containsPattern("unknown\\s+24\\s+no usable answer from the provider; not resent \\(")
                .contains(unknownCodes);
        // The adapter frees a slot when a send times out; the HTTP client closes that connection a little
        // later, so one round of closing connections may overlap the next. Never the 16 held ones.
        assertThat(provider.maxInFlight()).as("requests waiting at once").isBetween(1, 2 * MAX_IN_FLIGHT);
        assertThat(provider.requestsPerRecipient())
                .as("each recipient requested once: nothing resent")
                .hasSize(CONTACTS)
                .allSatisfy((recipient, requests) -> assertThat(requests).isEqualTo(1));
        // the held requests hold no thread each: the peak stays under the bound's worth of threads
        int peakGrowth = ManagementFactory.getThreadMXBean().getPeakThreadCount() - peakBefore;
        assertThat(peakGrowth).as("threads the run added at its peak").isLessThan(12 + 2 * MAX_IN_FLIGHT + 12);
        // a few JVM-wide threads start once per JVM (common pool workers, the HTTP client's cleaner): not per request
        assertThat(applicationThreads())
                .as("threads left after the run: %s", threadNames())
                .isLessThanOrEqualTo(threadsBefore + 6);
    }

    /** Live threads, the fake provider's own left out; those that end with the run are waited for. */
    private static int applicationThreads() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int count;
        int previous = -1;
        do {
            count = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !thread.getName().startsWith(HostileProvider.THREAD_PREFIX))
                    .count();
            if (count == previous) {
                return count;
            }
            previous = count;
            Thread.onSpinWait();
            Thread.sleep(200); // polling for idle pools to let their threads go, not timing the system under test
        } while (System.nanoTime() < deadline);
        return count;
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    private static long count(String summary, String label) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + label + "\\s+(\\d+)").matcher(summary);
        assertThat(matcher.find()).as("%s in %s", label, summary).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Contacts +525500000001 to +525500000040; the last two digits choose the provider's behaviour. */
    private Path contacts() throws IOException {
        StringBuilder csv = new StringBuilder("CONTACT,NOMBRE\n");
        for (int i = 1; i <= CONTACTS; i++) {
            csv.append(String.format(Locale.ROOT, "+5255000000%02d,Cliente %d%n", i, i));
        }
        return Files.writeString(dir.resolve("contacts.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private static Behaviour behaviourOf(String recipient) {
        int n = Integer.parseInt(recipient.substring(recipient.length() - 2));
        if (n <= 12) {
            return Behaviour.NEVER_ANSWER;
        }
        if (n <= 16) {
            return Behaviour.ANSWER_AFTER_30_SECONDS;
        }
        if (n <= 20) {
            return Behaviour.RESET;
        }
        if (n <= 24) {
            return Behaviour.GARBAGE;
        }
        return Behaviour.ACCEPT;
    }

    private static String whatsAppRecipient(String body) {
        Matcher to = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"").matcher(body);
        return to.find() ? to.group(1) : "?";
    }

    private static String twilioRecipient(String body) {
        for (String pair : body.split("&")) {
            if (pair.startsWith("To=")) {
                return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8)
                        .replaceAll("\\D", "");
            }
        }
        return "?";
    }
}
