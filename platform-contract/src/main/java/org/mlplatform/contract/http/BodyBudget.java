package org.mlplatform.contract.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies a server holds at once, shared by every call that reads one with
 * {@link BoundedBody}: a body is counted as its bytes arrive and until its call lets it go, so many
 * large bodies at once are refused instead of filling the heap.
 */
public final class BodyBudget {

    /** No bound: for routes whose callers are trusted and bounded elsewhere. */
    public static final BodyBudget UNLIMITED = new BodyBudget(Long.MAX_VALUE);

    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    public BodyBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a body budget must be positive");
        }
        this.capacity = capacity;
    }

    /** Counts {@code bytes} more if they fit; false (and nothing counted) when they do not. */
    boolean take(long bytes) {
        if (this == UNLIMITED) {
            return true;
        }
        while (true) {
            long now = held.get();
            if (bytes > capacity - now) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void give(long bytes) {
        if (this != UNLIMITED) {
            held.addAndGet(-bytes);
        }
    }

    /** The bytes held now. */
    public long held() {
        return held.get();
    }

    public long capacity() {
        return capacity;
    }
}
