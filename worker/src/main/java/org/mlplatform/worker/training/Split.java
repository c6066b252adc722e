package org.mlplatform.worker.training;

import java.util.Arrays;
import java.util.Random;

/** Seeded splits and shuffles, so the same seed always gives the same order. */
final class Split {

    private Split() {}

    /**
     * Row indices for training ({@code [0]}) and validation ({@code [1]}): a shuffle with {@code
     * new Random(seed)}, the first {@code round(n × validationSplit)} rows for validation.
     */
    static int[][] trainValidation(int n, double validationSplit, long seed) {
        int[] all = permutation(n, new Random(seed));
        int validation = (int) Math.round(n * validationSplit);
        int[] val = Arrays.copyOfRange(all, 0, validation);
        int[] train = Arrays.copyOfRange(all, validation, n);
        Arrays.sort(val);
        Arrays.sort(train);
        return new int[][] {train, val};
    }

    /**
     * The order of the training samples in {@code epoch}: depends only on the seed and the epoch,
     * so a run resumed at epoch e sees the order an uninterrupted run saw.
     */
    static int[] epochOrder(int n, long seed, int epoch) {
        return permutation(n, new Random(epochSeed(seed, epoch)));
    }

    /** A seed for everything random in one epoch (order, dropout). */
    static long epochSeed(long seed, int epoch) {
        return seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
