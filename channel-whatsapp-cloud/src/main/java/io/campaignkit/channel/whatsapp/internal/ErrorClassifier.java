package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.whatsapp.PerUserLimitAction;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Meta's error code → CampaignKit error class, per the reference table
 * (shared/reference/whatsapp-cloud.md §7) and issue 6 where the two differ.
 * The code decides; the HTTP status is only a fallback when the body carries no code.
 */
public final class ErrorClassifier {

    /** The class of an error and, for throttling, how long to wait before trying again. */
    public record Classification(ErrorKind kind, Duration retryAfter) {
        static Classification of(ErrorKind kind) {
            return new Classification(kind, null);
        }
    }

    /** Window closed: the recipient has not written in 24 h. */
    static final int SERVICE_WINDOW_CLOSED = 131047;

    private static final Set<Integer> AUTHENTICATION = Set.of(
            0,
            3,
            10,
            190,
            131005, // token / permission
            33,
            368,
            131031,
            131042,
            131045,
            133010 // policy block, locked account, payment, number state
            );
    private static final Set<Integer> RECIPIENT_PERMANENT = Set.of(131026, 131050, 131021, 130472, 131030);
    private static final Set<Integer> CONTENT_PERMANENT =
            Set.of(100, 131008, 131009, 131051, 131053, 135000, 132000, 132001, 132005, 132007, 132012, 132015, 132016);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016, 133004);

    /**
     * Sender-wide throttling codes and their retry hints: the engine holds the whole sender this long.
     */
    private static final Map<Integer, Duration> RATE_LIMITED = Map.of(
            130429, Duration.ofSeconds(1), // number throughput
            4, Duration.ofSeconds(60), // app call rate
            80007, Duration.ofSeconds(60), // WABA call rate
            131048, Duration.ofHours(1)); // spam rate limit: pause the sender for a while

    /**
     * Limits on one recipient (shared/reference/whatsapp-cloud.md §7, issue 14): never a sender hold;
     * the recipient fails or, if the host asks, waits this long before its next attempt.
     */
    private static final Map<Integer, Duration> PER_USER_LIMITS = Map.of(
            131049, Duration.ofHours(24), // per-user marketing limit: at least 24 h
            131056, Duration.ofSeconds(6)); // pair rate: about one message per 6 s to one user

    private static final int THROUGHPUT_UPGRADE = 131057;

    /** 131026 "Message undeliverable": the number is not a WhatsApp user (or cannot receive from businesses). */
    public static final int UNDELIVERABLE = 131026;

    private ErrorClassifier() {}

    /**
     * Whether Meta's code says the recipient cannot be reached on WhatsApp at all (131026), so a
     * campaign with a further channel falls back ({@code SendFailure.notOnChannel}).
     */
    public static boolean notOnChannel(int code) {
        return code == UNDELIVERABLE;
    }

    /**
     * @param error    the error Meta answered
     * @param freeForm whether the message was free-form (outside a template); decides 131047
     */
    public static Classification classify(GraphError error, boolean freeForm) {
        return classify(error, freeForm, PerUserLimitAction.FAIL);
    }

    /**
     * @param error          the error Meta answered
     * @param freeForm       whether the message was free-form (outside a template); decides 131047
     * @param perUserLimits  what a limit on this one recipient (131049, 131056) becomes
     */
    public static Classification classify(GraphError error, boolean freeForm, PerUserLimitAction perUserLimits) {
        Integer code = error.code();
        if (code == null) {
            return byHttpStatusOnly(error.httpStatus());
        }
        return byCode(code, freeForm, perUserLimits);
    }

    /**
     * The classification of a code alone, also used for the errors of failed-status webhooks, where a
     * limit on one recipient can only fail it (the message has failed already).
     */
    public static Classification byCode(int code, boolean freeForm) {
        return byCode(code, freeForm, PerUserLimitAction.FAIL);
    }

    /** The classification of a code alone, a limit on one recipient becoming what {@code perUserLimits} says. */
    public static Classification byCode(int code, boolean freeForm, PerUserLimitAction perUserLimits) {
        Duration perUserWait = PER_USER_LIMITS.get(code);
        if (perUserWait != null) {
            return perUserLimits == PerUserLimitAction.RETRY_LATER
                    ? new Classification(ErrorKind.TRANSIENT, perUserWait)
                    : Classification.of(ErrorKind.RECIPIENT_PERMANENT);
        }
        if (code == SERVICE_WINDOW_CLOSED) {
            // Issue 6: permanent for this recipient when free-form (only a template can reach them now);
            // a template never depends on the window, so there it means the content is wrong.
            return Classification.of(freeForm ? ErrorKind.RECIPIENT_PERMANENT : ErrorKind.CONTENT_PERMANENT);
        }
        if (AUTHENTICATION.contains(code) || (code >= 200 && code <= 299)) {
            return Classification.of(ErrorKind.AUTHENTICATION);
        }
        if (RECIPIENT_PERMANENT.contains(code)) {
            return Classification.of(ErrorKind.RECIPIENT_PERMANENT);
        }
        if (CONTENT_PERMANENT.contains(code)) {
            return Classification.of(ErrorKind.CONTENT_PERMANENT);
        }
        Duration wait = RATE_LIMITED.get(code);
        if (wait != null) {
            return new Classification(ErrorKind.RATE_LIMITED, wait);
        }
        if (code == THROUGHPUT_UPGRADE) {
            return new Classification(ErrorKind.TRANSIENT, Duration.ofSeconds(60));
        }
        if (TRANSIENT.contains(code)) {
            return Classification.of(ErrorKind.TRANSIENT);
        }
        // A code Meta added after this table: retry a bounded number of times; the code is kept.
        return Classification.of(ErrorKind.TRANSIENT);
    }

    /** No Meta code (e.g. a proxy or load balancer answered): the status is all there is. */
    private static Classification byHttpStatusOnly(int httpStatus) {
        if (httpStatus == 401 || httpStatus == 403) {
            return Classification.of(ErrorKind.AUTHENTICATION);
        }
        if (httpStatus == 429) {
            return Classification.of(ErrorKind.RATE_LIMITED);
        }
        return Classification.of(ErrorKind.TRANSIENT);
    }
}
