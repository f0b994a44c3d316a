package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.NewRecipient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * One launch's batches, added in the audience's order: each is {@linkplain Admission#admit admitted} (its
 * questions asked, its contacts engaged), then {@linkplain Admission#store stored}, then the preparation is
 * checked ({@code afterBatch}).
 *
 * <p>Overlapped ({@code CampaignEngineBuilder.overlapLaunchBatches}), a batch is admitted on a thread of the
 * launch's own while the batch before it is stored on the caller's: against a database each half mostly
 * waits on its own statements, and the two then run on two connections at once. Only one batch is admitted
 * ahead; batches are stored in order, on the caller's thread, so sequences and emitted events come as they do
 * without overlap. When the preparation is checked nothing is in flight: a campaign found finishing releases
 * every engagement of the campaign, those of the batch admitted ahead included, and a failure of either half
 * is thrown once the other half has ended.
 */
final class LaunchBatches implements AutoCloseable {

    /** A batch admitted, waiting to be stored, with the instant it was admitted at. */
    private record Admitted(List<NewRecipient> recipients, Instant at) {}

    private final Admission admission;
    private final Campaign campaign;
    private final Instant dueAt;
    private final Clock clock;
    private final Runnable afterBatch;

    /** The thread that admits the next batch; absent when batches are not overlapped. */
    private final @Nullable ExecutorService ahead;

    private @Nullable Admitted admitted;

    LaunchBatches(
            Admission admission, Campaign campaign, Instant dueAt, Clock clock, Runnable afterBatch, boolean overlap) {
        this.admission = admission;
        this.campaign = campaign;
        this.dueAt = dueAt;
        this.clock = clock;
        this.afterBatch = afterBatch;
        this.ahead = overlap
                ? Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(
                            task, "campaignkit-launch-" + campaign.id().value());
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    /** Adds {@code batch} (copied: the caller may reuse its list). */
    void add(List<Contact> batch) {
        List<Contact> contacts = List.copyOf(batch);
        Instant at = clock.instant();
        if (ahead == null) {
            admission.insertBatch(campaign, contacts, dueAt, at);
            afterBatch.run();
            return;
        }
        Future<List<NewRecipient>> next = ahead.submit(() -> admission.admit(campaign, contacts, dueAt, at));
        Admitted previous = admitted;
        admitted = null;
        if (previous != null) {
            try {
                admission.store(campaign, previous.recipients(), previous.at());
            } catch (RuntimeException | Error failure) {
                awaitAfter(next, failure);
                throw failure;
            }
        }
        admitted = new Admitted(await(next), at);
        if (previous != null) {
            afterBatch.run();
        }
    }

    /** Stores the batch admitted last, if any. */
    void finish() {
        Admitted last = admitted;
        admitted = null;
        if (last != null) {
            admission.store(campaign, last.recipients(), last.at());
            afterBatch.run();
        }
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.shutdown(); // nothing is in flight: every submitted batch was awaited
        }
    }

    private static <T> T await(Future<T> admitting) {
        try {
            return admitting.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            admitting.cancel(true);
            throw new IllegalStateException("interrupted while a launch batch was admitted", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for the batch admitted ahead once the store of the one before it failed; its own failure is kept. */
    private static void awaitAfter(Future<?> admitting, Throwable failure) {
        try {
            await(admitting);
        } catch (RuntimeException | Error alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
