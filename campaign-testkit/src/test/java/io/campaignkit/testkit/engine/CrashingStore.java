package io.campaignkit.testkit.engine;

import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The in-memory store as one engine process sees it, with a way to let another process act just
 * before a chosen store call, and a way to kill this process at a chosen store call: from the n-th call of the armed method on, every call of this view throws a
 * {@link Crash} without reaching the store, as if the process had died just before it. Or, armed with
 * {@link #crashAfter}, the chosen call reaches the store and the process dies before it hears the
 * answer. Other engines use the store itself and go on.
 */
final class CrashingStore {

    /** What the "dead" process's calls throw. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String method) {
            super("the process died at its call of " + method);
        }
    }

    private final InMemoryCampaignStore store;
    private final AtomicBoolean dead = new AtomicBoolean();
    private volatile String armedMethod;
    private final AtomicInteger callsToGo = new AtomicInteger();
    private volatile Predicate<Object[]> armedArguments = args -> true;
    private volatile boolean afterTheCall;
    private volatile String hookedMethod;
    private volatile Runnable hook = () -> {};

    CrashingStore(InMemoryCampaignStore store) {
        this.store = store;
    }

    /** The process dies at its {@code nth} call (from 1) of {@code method} from now on. */
    CrashingStore crashAt(String method, int nth) {
        callsToGo.set(nth);
        armedArguments = args -> true;
        afterTheCall = false;
        armedMethod = method;
        return this;
    }

    /**
     * The process dies right after its {@code nth} call (from 1) of {@code method} whose arguments
     * match {@code arguments} took effect in the store, before it hears the answer.
     */
    CrashingStore crashAfter(String method, Predicate<Object[]> arguments, int nth) {
        callsToGo.set(nth);
        armedArguments = arguments;
        afterTheCall = true;
        armedMethod = method;
        return this;
    }

    /** Runs {@code action} before each call of {@code method} reaches the store (another process acting meanwhile). */
    CrashingStore beforeEach(String method, Runnable action) {
        hook = action;
        hookedMethod = method;
        return this;
    }

    boolean crashed() {
        return dead.get();
    }

    /** This process's view of the store. */
    CampaignStorage view() {
        return StorageProxy.of((proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, args);
            }
            boolean armed = !dead.get()
                    && method.getName().equals(armedMethod)
                    && armedArguments.test(args)
                    && callsToGo.decrementAndGet() == 0;
            if (armed && !afterTheCall) {
                dead.set(true);
            }
            if (dead.get()) {
                throw new Crash(method.getName());
            }
            if (method.getName().equals(hookedMethod)) {
                hook.run();
            }
            Object answer;
            try {
                answer = method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (armed) {
                dead.set(true);
                throw new Crash(method.getName() + " (it took effect)");
            }
            return answer;
        });
    }
}
