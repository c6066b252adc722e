package org.mlplatform.serving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The memory the loaded models may take together. A model's footprint is estimated as its artifact
 * size × the configured factor; to make room for a new one, the least recently used loaded models
 * are chosen for unloading.
 */
public final class ModelBudget {

    /** What the budget needs to know of a loaded or loading model. */
    interface Resident {
        UUID id();

        long footprint();

        /** Whether it serves (only serving models can be evicted; loading ones cannot). */
        boolean evictable();

        long lastUsedNanos();
    }

    private final long budgetBytes;
    private final double factor;

    public ModelBudget(long budgetBytes, double factor) {
        this.budgetBytes = budgetBytes;
        this.factor = factor;
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** The estimated memory of a model whose artifact has {@code artifactBytes}. */
    long footprint(long artifactBytes) {
        return (long) Math.ceil(Math.max(1, artifactBytes) * factor);
    }

    /**
     * The models to unload, least recently used first, so that {@code needed} more bytes fit next
     * to {@code residents} (which exclude the new model). Empty when it fits already; as many as
     * can go when even that is not enough.
     */
    <R extends Resident> List<R> evictionsFor(long needed, Collection<R> residents) {
        long used = residents.stream().mapToLong(Resident::footprint).sum();
        List<R> evict = new ArrayList<>();
        if (used + needed <= budgetBytes) {
            return evict;
        }
        List<R> candidates =
                residents.stream()
                        .filter(Resident::evictable)
                        .sorted(Comparator.comparingLong(Resident::lastUsedNanos))
                        .toList();
        for (R candidate : candidates) {
            if (used + needed <= budgetBytes) {
                break;
            }
            evict.add(candidate);
            used -= candidate.footprint();
        }
        return evict;
    }

    static <R extends Resident> Function<R, String> describe() {
        return r -> r.id() + " (" + r.footprint() / (1024 * 1024) + " MB)";
    }
}
