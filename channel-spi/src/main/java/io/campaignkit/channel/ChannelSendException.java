package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ChannelAdapter#send} fails: the returned stage completes exceptionally with this
 * exception (possibly wrapped in a {@link java.util.concurrent.CompletionException} by the caller's
 * composition; use {@link #find(Throwable)}).
 *
 * <p>Adapters may subclass it to expose more provider detail (HTTP status, trace ids); the engine
 * only reads {@link #failure()}.
 */
public class ChannelSendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The classified failure. */
    private final transient SendFailure failure;

    /**
     * @param failure the classified failure, not null
     */
    public ChannelSendException(SendFailure failure) {
        this(failure, null);
    }

    /**
     * @param failure the classified failure, not null
     * @param cause   the underlying exception, such as an I/O error; may be null
     */
    public ChannelSendException(SendFailure failure, @Nullable Throwable cause) {
        super(Checks.notNull(failure, "failure").describe(), cause);
        this.failure = failure;
    }

    /**
     * The classified failure.
     *
     * @return the failure, never null
     */
    public SendFailure failure() {
        return failure;
    }

    /**
     * Shortcut for {@code failure().errorClass()}.
     *
     * @return the error class
     */
    public SendErrorClass errorClass() {
        return failure.errorClass();
    }

    /**
     * Finds the {@link ChannelSendException} in a failure's cause chain, as thrown by
     * {@link java.util.concurrent.CompletableFuture#join()} or passed to a {@code whenComplete}.
     *
     * @param throwable any throwable, not null
     * @return the channel exception, or empty when there is none (an adapter bug: the engine treats
     *         it as {@link SendErrorClass#UNKNOWN_OUTCOME})
     */
    public static Optional<ChannelSendException> find(Throwable throwable) {
        Checks.notNull(throwable, "throwable");
        for (Throwable current = throwable; current != null; current = current.getCause()) {
            if (current instanceof ChannelSendException channel) {
                return Optional.of(channel);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }
}
