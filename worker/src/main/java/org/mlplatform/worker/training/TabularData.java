package org.mlplatform.worker.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.serving.trained.Preprocessing;

/**
 * Turns a CSV table into encoded samples: rows without a label are dropped, the rows are split, the
 * preprocessing is learned on the training split only and applied to both splits.
 */
final class TabularData {

    private TabularData() {}

    static TrainingData prepare(CsvTable table, DataSettings settings) throws TrainingException {
        int label = table.column(settings.labelColumn());
        List<String> names = featureNames(table, settings);
        int[] columns = new int[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = table.column(names.get(i));
        }
        List<String> notes = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (String[] row : table.rows()) {
            if (!row[label].isBlank()) {
                rows.add(row);
            }
        }
        if (rows.size() < table.rows().size()) {
            notes.add(
                    "Dropped %d of %d rows with an empty '%s'."
                            .formatted(
                                    table.rows().size() - rows.size(),
                                    table.rows().size(),
                                    settings.labelColumn()));
        }
        int[][] split =
                Split.trainValidation(rows.size(), settings.validationSplit(), settings.seed());
        TrainingData.requireRows(split, rows.size(), settings.validationSplit());

        boolean classification = settings.task() != TrainingTask.REGRESSION;
        List<String> classes = classification ? classes(rows, label, settings) : null;
        float[] y = classification ? classIndices(rows, label, classes) : numbers(rows, label);
        Double labelMean = null;
        Double labelStd = null;
        if (!classification) {
            double[] stats = meanStd(y, split[0]);
            if (stats[1] == 0) {
                throw TrainingException.badData(
                        "The label '%s' has the same value in every training row: there is"
                                        .formatted(settings.labelColumn())
                                + " nothing to learn.");
            }
            labelMean = stats[0];
            labelStd = stats[1];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) ((y[i] - labelMean) / labelStd);
            }
        }
        List<Preprocessing.Feature> features = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            features.add(fit(names.get(i), columns[i], rows, split[0], settings));
        }
        Preprocessing preprocessing =
                new Preprocessing(settings.task(), features, classes, labelMean, labelStd, null);
        Samples all = encode(rows, columns, y, preprocessing);
        Samples train = all.select(split[0]);
        if (classification) {
            TrainingData.requireTwoClasses(
                    train, classes, "label '" + settings.labelColumn() + "'");
        }
        return new TrainingData(train, all.select(split[1]), preprocessing, notes);
    }

    private static List<String> featureNames(CsvTable table, DataSettings settings)
            throws TrainingException {
        List<String> names =
                settings.featureColumns() != null
                        ? settings.featureColumns()
                        : table.header().stream()
                                .filter(c -> !c.equals(settings.labelColumn()))
                                .toList();
        if (names.isEmpty()) {
            throw TrainingException.badData("There are no feature columns to learn from.");
        }
        if (names.contains(settings.labelColumn())) {
            throw TrainingException.badData(
                    "The label '%s' cannot also be a feature.".formatted(settings.labelColumn()));
        }
        return names;
    }

    private static List<String> classes(List<String[]> rows, int label, DataSettings settings) {
        if (settings.classes() != null && !settings.classes().isEmpty()) {
            return settings.classes();
        }
        return TrainingData.sortedDistinct(rows.stream().map(r -> r[label].trim()).toList());
    }

    private static float[] classIndices(List<String[]> rows, int label, List<String> classes)
            throws TrainingException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        float[] y = new float[rows.size()];
        for (int i = 0; i < y.length; i++) {
            Integer c = index.get(rows.get(i)[label].trim());
            if (c == null) {
                throw TrainingException.badData(
                        "A row has the label '%s', which is not one of the classes %s."
                                .formatted(rows.get(i)[label], classes));
            }
            y[i] = c;
        }
        return y;
    }

    private static float[] numbers(List<String[]> rows, int label) throws TrainingException {
        float[] y = new float[rows.size()];
        for (int i = 0; i < y.length; i++) {
            double value = Preprocessing.parse(rows.get(i)[label]);
            if (Double.isNaN(value)) {
                throw TrainingException.badData(
                        "Regression needs a numeric label, but a row has '%s'."
                                .formatted(rows.get(i)[label]));
            }
            y[i] = (float) value;
        }
        return y;
    }

    private static Preprocessing.Feature fit(
            String name, int column, List<String[]> rows, int[] train, DataSettings settings) {
        ColumnType type = settings.columnTypes() == null ? null : settings.columnTypes().get(name);
        if (type == null) {
            type = inferType(column, rows, train);
        }
        if (type == ColumnType.NUMERIC) {
            float[] values = new float[rows.size()];
            for (int i : train) {
                values[i] = (float) Preprocessing.parse(rows.get(i)[column]);
            }
            double[] stats = meanStd(values, train);
            double std = stats[1] < 1e-12 ? 1.0 : stats[1];
            return new Preprocessing.Feature(name, type, stats[0], std, null);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i : train) {
            String value = rows.get(i)[column].trim();
            if (!value.isEmpty()) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        List<String> categories =
                counts.entrySet().stream()
                        .sorted(
                                Map.Entry.<String, Integer>comparingByValue()
                                        .reversed()
                                        .thenComparing(Map.Entry.comparingByKey()))
                        .limit(DataSettings.MAX_CATEGORIES)
                        .map(Map.Entry::getKey)
                        .sorted(Comparator.naturalOrder())
                        .toList();
        return new Preprocessing.Feature(name, ColumnType.CATEGORICAL, 0, 1, categories);
    }

    private static ColumnType inferType(int column, List<String[]> rows, int[] train) {
        for (int i : train) {
            String cell = rows.get(i)[column];
            if (!cell.isBlank() && Double.isNaN(Preprocessing.parse(cell))) {
                return ColumnType.CATEGORICAL;
            }
        }
        return ColumnType.NUMERIC;
    }

    /** Mean and population standard deviation of the non-NaN values at {@code indices}. */
    private static double[] meanStd(float[] values, int[] indices) {
        double sum = 0;
        int n = 0;
        for (int i : indices) {
            if (!Float.isNaN(values[i])) {
                sum += values[i];
                n++;
            }
        }
        if (n == 0) {
            return new double[] {0, 1};
        }
        double mean = sum / n;
        double squares = 0;
        for (int i : indices) {
            if (!Float.isNaN(values[i])) {
                squares += (values[i] - mean) * (values[i] - mean);
            }
        }
        return new double[] {mean, Math.sqrt(squares / n)};
    }

    private static Samples encode(
            List<String[]> rows, int[] columns, float[] y, Preprocessing preprocessing) {
        int width = preprocessing.inputWidth();
        float[] x = new float[rows.size() * width];
        String[] cells = new String[columns.length];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.length; c++) {
                cells[c] = rows.get(r)[columns[c]];
            }
            preprocessing.encodeRow(cells, x, r * width);
        }
        return new Samples(x, y, rows.size(), preprocessing.sampleShape());
    }
}
