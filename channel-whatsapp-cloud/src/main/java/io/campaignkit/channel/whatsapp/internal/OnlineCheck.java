package io.campaignkit.channel.whatsapp.internal;

import io.campaignkit.channel.CredentialsCheck;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for an online check inside the preflight, which the SPI makes synchronous. */
public final class OnlineCheck {

    /** Beyond the request timeout, for the answer to be handed over. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private OnlineCheck() {
    }

    /** The check's answer, or {@link CredentialsCheck.NotChecked} when it did not come in time. */
    public static CredentialsCheck await(CompletionStage<CredentialsCheck> check, Duration requestTimeout) {
        try {
            return check.toCompletableFuture().get(requestTimeout.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new CredentialsCheck.NotChecked("interrupted while waiting for the online check");
        } catch (ExecutionException | TimeoutException | RuntimeException noAnswer) {
            return new CredentialsCheck.NotChecked("the online check gave no answer: " + noAnswer.getClass().getSimpleName());
        }
    }
}
