package org.mlplatform.worker.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.mlplatform.serving.trained.Preprocessing;

/**
 * The encoded training and validation splits and the preprocessing learned on the training split.
 *
 * @param notes remarks for the job's log (rows dropped, images skipped)
 */
public record TrainingData(
        Samples train, Samples validation, Preprocessing preprocessing, List<String> notes) {

    /** Checks that a classification's training split has at least two classes. */
    static void requireTwoClasses(Samples train, List<String> classes, String what)
            throws TrainingException {
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < train.count(); i++) {
            seen.add((int) train.y()[i]);
        }
        if (seen.size() < 2) {
            String only = seen.isEmpty() ? "none" : "'" + classes.get(seen.first()) + "'";
            throw TrainingException.badData(
                    ("The %s has only one class (%s) in the training rows: classification needs"
                                    + " at least two. Add rows of other classes or choose another"
                                    + " label.")
                            .formatted(what, only));
        }
    }

    /** Checks that the split left rows to train on. */
    static void requireRows(int[][] split, int total, double validationSplit)
            throws TrainingException {
        if (split[0].length == 0) {
            throw TrainingException.badData(
                    ("No training rows are left after holding out %.0f%% of %d rows for"
                                    + " validation: upload more rows or lower validationSplit.")
                            .formatted(validationSplit * 100, total));
        }
        if (validationSplit > 0 && split[1].length == 0) {
            throw TrainingException.badData(
                    ("No validation rows: %d rows are too few to hold out %.0f%%. Upload more"
                                    + " rows, or set validationSplit to 0.")
                            .formatted(total, validationSplit * 100));
        }
    }

    /** Sorted distinct values: numerically when all are numbers, else as text. */
    static List<String> sortedDistinct(Iterable<String> values) {
        TreeSet<String> distinct = new TreeSet<>();
        values.forEach(distinct::add);
        List<String> sorted = new ArrayList<>(distinct);
        if (sorted.stream().allMatch(v -> !Double.isNaN(Preprocessing.parse(v)))) {
            sorted.sort(Comparator.comparingDouble(Preprocessing::parse));
        }
        return sorted;
    }
}
