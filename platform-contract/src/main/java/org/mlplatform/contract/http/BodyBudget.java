package org.mlplatform.contract.http;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies a server holds at once, shared by every call that reads one with
 * {@link BoundedBody}: a body is counted as its bytes arrive and until its call lets it go, so many
 * large bodies at once are refused instead of filling the heap. Each body is counted for an owner
 * (the gateway's: the calling tenant), who may hold at most a share of the whole, so one owner's
 * bodies cannot leave none of it to the others.
 */
public final class BodyBudget {

    /** No bound: for routes whose callers are trusted and bounded elsewhere. */
    public static final BodyBudget UNLIMITED = new BodyBudget(Long.MAX_VALUE);

    /** Why bytes were not counted. */
    public enum Shortage {
        /** The owner holds as much as one owner may. */
        OWNER_SHARE,
        /** All owners together hold as much as the budget allows. */
        CAPACITY
    }

    private final long capacity;
    private final long ownerCapacity;
    private final AtomicLong held = new AtomicLong();
    private final ConcurrentHashMap<Object, Long> heldByOwner = new ConcurrentHashMap<>();

    /** A budget of {@code capacity} bytes that one owner may fill whole. */
    public BodyBudget(long capacity) {
        this(capacity, capacity);
    }

    /** A budget of {@code capacity} bytes of which one owner may hold {@code ownerCapacity}. */
    public BodyBudget(long capacity, long ownerCapacity) {
        if (capacity < 1 || ownerCapacity < 1) {
            throw new IllegalArgumentException(
                    "a body budget and its owners' share must be positive");
        }
        this.capacity = capacity;
        this.ownerCapacity = Math.min(ownerCapacity, capacity);
    }

    /** The part of this budget that counts the bodies of {@code owner}. */
    public Account account(Object owner) {
        return new Account(this, Objects.requireNonNull(owner, "owner"));
    }

    /** One owner's part of a budget: what {@link BoundedBody} counts a body's bytes in. */
    public record Account(BodyBudget budget, Object owner) {

        /**
         * Counts {@code bytes} more if they fit, answering null; if they do not, counts nothing and
         * answers the shortage.
         */
        Shortage take(long bytes) {
            return budget.take(owner, bytes);
        }

        void give(long bytes) {
            budget.give(owner, bytes);
        }
    }

    private Shortage take(Object owner, long bytes) {
        if (this == UNLIMITED) {
            return null;
        }
        if (!takeForOwner(owner, bytes)) {
            return Shortage.OWNER_SHARE;
        }
        while (true) {
            long now = held.get();
            if (bytes > capacity - now) {
                giveForOwner(owner, bytes);
                return Shortage.CAPACITY;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return null;
            }
        }
    }

    private void give(Object owner, long bytes) {
        if (this == UNLIMITED) {
            return;
        }
        held.addAndGet(-bytes);
        giveForOwner(owner, bytes);
    }

    private boolean takeForOwner(Object owner, long bytes) {
        boolean[] fits = {false};
        heldByOwner.compute(
                owner,
                (key, now) -> {
                    long before = now == null ? 0 : now;
                    if (bytes > ownerCapacity - before) {
                        return now;
                    }
                    fits[0] = true;
                    return before + bytes;
                });
        return fits[0];
    }

    /** An owner who holds nothing is forgotten, so the map holds only owners with bodies. */
    private void giveForOwner(Object owner, long bytes) {
        heldByOwner.computeIfPresent(owner, (key, now) -> now == bytes ? null : now - bytes);
    }

    /** The bytes held now. */
    public long held() {
        return held.get();
    }

    /** The bytes {@code owner}'s bodies hold now. */
    public long heldBy(Object owner) {
        return heldByOwner.getOrDefault(owner, 0L);
    }

    public long capacity() {
        return capacity;
    }

    public long ownerCapacity() {
        return ownerCapacity;
    }
}
