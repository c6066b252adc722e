package org.mlplatform.contract.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What the hot paths' {@code CompletableFuture} chains share. */
public final class Futures {

    private Futures() {}

    /**
     * The failure itself: a stage that threw wraps it in {@link CompletionException} (or {@link
     * ExecutionException} when waited for), and what callers tell apart is the cause.
     */
    public static Throwable cause(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
