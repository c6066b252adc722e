package org.mlplatform.portal.training;

import java.util.List;
import java.util.Locale;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.TrainingTask;

/** What a dataset's format and profile propose for a training job. */
final class DatasetColumns {

    private DatasetColumns() {}

    /** The tasks a dataset can train; the first is the proposal. */
    static List<TrainingTask> tasks(DatasetResponse dataset) {
        return dataset.format() == DatasetFormat.IMAGE_ZIP
                ? List.of(TrainingTask.IMAGE_CLASSIFICATION)
                : List.of(TrainingTask.CLASSIFICATION, TrainingTask.REGRESSION);
    }

    static ArchitectureType architecture(TrainingTask task) {
        return task == TrainingTask.IMAGE_CLASSIFICATION
                ? ArchitectureType.CNN
                : ArchitectureType.MLP;
    }

    static List<ColumnProfile> columns(DatasetResponse dataset) {
        return dataset == null || dataset.csv() == null || dataset.csv().columns() == null
                ? List.of()
                : dataset.csv().columns();
    }

    /** Label candidates: NUMERIC columns for regression, any but TEXT for classification. */
    static List<String> labels(DatasetResponse dataset, TrainingTask task) {
        return columns(dataset).stream()
                .filter(c -> fitsLabel(c.type(), task))
                .map(ColumnProfile::name)
                .toList();
    }

    static boolean fitsLabel(ColumnType type, TrainingTask task) {
        return task == TrainingTask.REGRESSION
                ? type == ColumnType.NUMERIC
                : type != ColumnType.TEXT;
    }

    /** The proposed label: the last CATEGORICAL column for classification, else the last fit. */
    static String proposedLabel(DatasetResponse dataset, TrainingTask task) {
        List<String> candidates = labels(dataset, task);
        if (task == TrainingTask.CLASSIFICATION) {
            List<String> categorical =
                    columns(dataset).stream()
                            .filter(c -> c.type() == ColumnType.CATEGORICAL)
                            .map(ColumnProfile::name)
                            .toList();
            if (!categorical.isEmpty()) {
                return categorical.get(categorical.size() - 1);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
    }

    static ColumnType type(DatasetResponse dataset, String column) {
        return columns(dataset).stream()
                .filter(c -> c.name().equals(column))
                .map(ColumnProfile::type)
                .findFirst()
                .orElse(null);
    }

    /** Every column but the label, in the dataset's order. */
    static List<String> features(DatasetResponse dataset, String label) {
        return columns(dataset).stream()
                .map(ColumnProfile::name)
                .filter(n -> !n.equals(label))
                .toList();
    }

    /** The default features: every column but the label and TEXT ones. */
    static List<String> defaultFeatures(DatasetResponse dataset, String label) {
        return columns(dataset).stream()
                .filter(c -> c.type() != ColumnType.TEXT)
                .map(ColumnProfile::name)
                .filter(n -> !n.equals(label))
                .toList();
    }

    /** {@code <dataset>-<architecture>} as a model name (a slug of at most 40 characters). */
    static String outputModel(String dataset, ArchitectureType architecture) {
        String raw = (dataset + "-" + architecture.name()).toLowerCase(Locale.ROOT);
        String slug = raw.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "m-" + slug;
        }
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug;
    }
}
