package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.CredentialsCheck;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for an online check inside the preflight, which the SPI makes synchronous. */
public final class OnlineCheck {

    /**
     * The longest a preflight waits: the engine launches under its lock, so a slow Graph must not hold
     * every other campaign for a whole request timeout. Past it the check counts as not made.
     */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private OnlineCheck() {}

    /** A second past the request's own timeout (so that one answers first), never past {@link #LONGEST_WAIT}. */
    static Duration waitFor(Duration requestTimeout) {
        Duration wait = requestTimeout.plusSeconds(1);
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    /** The check's answer, or {@link CredentialsCheck.NotChecked} when it did not come in time. */
    public static CredentialsCheck await(CompletionStage<CredentialsCheck> check, Duration requestTimeout) {
        try {
            return check.toCompletableFuture().get(waitFor(requestTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new CredentialsCheck.NotChecked("interrupted while waiting for the online check");
        } catch (ExecutionException | TimeoutException | RuntimeException noAnswer) {
            return new CredentialsCheck.NotChecked(
                    "the online check gave no answer: " + noAnswer.getClass().getSimpleName());
        }
    }
}
