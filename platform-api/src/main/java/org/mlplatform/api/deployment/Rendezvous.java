package org.mlplatform.api.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Rendezvous (highest-random-weight) hashing of (deployment, worker): every worker gets a
 * pseudo-random score per deployment, and a deployment belongs to its highest-scoring workers. The
 * assignments workers poll and the gateway's routing both rank with this one function, so requests
 * reach the workers that have the model loaded; when a worker leaves, only its deployments move.
 */
public final class Rendezvous {

    private Rendezvous() {}

    /** The workers, best first for the deployment; ties (practically never) by id. */
    public static <T> List<T> rank(UUID deployment, List<T> workers, Function<T, UUID> id) {
        List<T> ranked = new ArrayList<>(workers);
        ranked.sort(
                Comparator.<T>comparingLong(w -> score(deployment, id.apply(w)))
                        .reversed()
                        .thenComparing(id));
        return ranked;
    }

    /** The first {@code replicas} workers of {@link #rank}. */
    public static <T> List<T> top(
            UUID deployment, List<T> workers, Function<T, UUID> id, int replicas) {
        List<T> ranked = rank(deployment, workers, id);
        return List.copyOf(ranked.subList(0, Math.min(replicas, ranked.size())));
    }

    /** A well-mixed 64-bit weight of the pair (SplitMix64's finaliser over both ids). */
    static long score(UUID deployment, UUID worker) {
        long h = mix(deployment.getMostSignificantBits());
        h = mix(h ^ deployment.getLeastSignificantBits());
        h = mix(h ^ worker.getMostSignificantBits());
        return mix(h ^ worker.getLeastSignificantBits());
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
