package org.mlplatform.serving.trained;

import java.util.List;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.training.TrainingTask;

/**
 * How raw inputs become the network's input, learned on the training split and saved with the model
 * (in its model card and in every checkpoint), so serving and a resumed run transform data exactly
 * as training did.
 *
 * @param features tabular: the feature columns in input order
 * @param classes classification: the classes in output order
 * @param labelMean regression: the label is standardised with this mean for training
 * @param labelStd regression: ... and this standard deviation
 * @param image image classification: the input size, channels and normalisation
 */
public record Preprocessing(
        TrainingTask task,
        List<Feature> features,
        List<String> classes,
        Double labelMean,
        Double labelStd,
        ImageInput image) {

    /**
     * One feature column. NUMERIC: {@code (x - mean) / std}, a missing or unparsable value becomes
     * the mean (0 after scaling). CATEGORICAL: one-hot over {@code categories} plus a last bucket
     * for values not seen in training (and empty cells).
     */
    public record Feature(
            String name, ColumnType type, double mean, double std, List<String> categories) {

        /** How many inputs of the network this column fills. */
        public int width() {
            return type == ColumnType.NUMERIC ? 1 : categories.size() + 1;
        }

        /** Encodes a raw cell: a number's text for NUMERIC, a category for CATEGORICAL. */
        public void encode(String raw, float[] out, int offset) {
            if (type == ColumnType.NUMERIC) {
                out[offset] = scaled(parse(raw));
                return;
            }
            int index = raw == null ? -1 : categories.indexOf(raw.trim());
            out[offset + (index < 0 ? categories.size() : index)] = 1f;
        }

        /**
         * Encodes a cell given as a number (NaN: missing): NUMERIC without a round trip through
         * text; CATEGORICAL as the category that is this number ({@code 2} is the category "2" as
         * well as "2.0").
         */
        public void encode(float value, float[] out, int offset) {
            if (type == ColumnType.NUMERIC) {
                out[offset] = scaled(value);
                return;
            }
            int index = categories.size();
            for (int i = 0; i < categories.size() && !Float.isNaN(value); i++) {
                if ((float) parse(categories.get(i)) == value) {
                    index = i;
                    break;
                }
            }
            out[offset + index] = 1f;
        }

        private float scaled(double value) {
            return Double.isFinite(value) ? (float) ((value - mean) / std) : 0f;
        }
    }

    /**
     * Images are resized to {@code size × size}, scaled to [0, 1], then normalised per channel with
     * the training split's {@code mean} and {@code std}.
     */
    public record ImageInput(int size, int channels, float[] mean, float[] std) {}

    /** The number of inputs of a tabular network. */
    public int inputWidth() {
        return features == null ? 0 : features.stream().mapToInt(Feature::width).sum();
    }

    /** The shape of one sample, without the batch dimension. */
    public long[] sampleShape() {
        if (image != null) {
            return new long[] {image.channels(), image.size(), image.size()};
        }
        return new long[] {inputWidth()};
    }

    /** Whether the network outputs class scores (else one regression value). */
    public boolean classifies() {
        return task != TrainingTask.REGRESSION;
    }

    /** The number of network outputs. */
    public int outputs() {
        return classifies() ? classes.size() : 1;
    }

    /** Encodes one tabular row given as raw cells in {@link #features} order. */
    public float[] encodeRow(String[] cells) {
        float[] out = new float[inputWidth()];
        encodeRow(cells, out, 0);
        return out;
    }

    /**
     * Encodes one tabular row given as numbers, {@code features().size()} of them from {@code
     * values[from]}, in {@link #features} order.
     */
    public void encodeRow(float[] values, int from, float[] out, int offset) {
        int at = offset;
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            feature.encode(values[from + i], out, at);
            at += feature.width();
        }
    }

    public void encodeRow(String[] cells, float[] out, int offset) {
        int at = offset;
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            feature.encode(cells[i], out, at);
            at += feature.width();
        }
    }

    /** A regression label in label units from the network's standardised output. */
    public double unscaleLabel(double scaled) {
        return scaled * labelStd + labelMean;
    }

    /** A number from a cell; NaN when empty or not a number. */
    public static double parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
