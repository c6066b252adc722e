package org.mlplatform.serving.trained;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.serving.artifact.ModelArchive;

/**
 * A model trained by the platform, loaded from its unpacked archive with DJL's standard {@link
 * Criteria} (the archive's {@code blockFactory} rebuilds the network) and our translator, with the
 * preprocessing of its model card. Serving reuses it: raw rows or images in, labels and
 * probabilities (or regression values) out.
 *
 * <p>Thread-safe: every {@code predict...} call takes a predictor of its own; a serving thread
 * keeps one in a {@link Session}.
 */
public final class TrainedModel implements AutoCloseable {

    /** The model's name in a trained archive: its weights are {@code model-0000.params}. */
    public static final String MODEL_NAME = "model";

    private final ZooModel<TrainedTranslator.Batch, Prediction> model;
    private final ModelCard card;
    private final Preprocessing preprocessing;

    private TrainedModel(ZooModel<TrainedTranslator.Batch, Prediction> model, ModelCard card) {
        this.model = model;
        this.card = card;
        this.preprocessing = card.preprocessing();
    }

    /** Loads an unpacked archive directory. */
    public static TrainedModel load(Path modelDir, Device device)
            throws IOException, MalformedModelException, ModelNotFoundException {
        ModelCard card = ModelCard.read(modelDir);
        Criteria<TrainedTranslator.Batch, Prediction> criteria =
                Criteria.builder()
                        .setTypes(TrainedTranslator.Batch.class, Prediction.class)
                        .optModelPath(modelDir)
                        .optModelName(MODEL_NAME)
                        .optBlock(network(card))
                        .optEngine("PyTorch")
                        .optDevice(device)
                        .optTranslator(new TrainedTranslator(card.preprocessing()))
                        .build();
        return new TrainedModel(criteria.loadModel(), card);
    }

    /**
     * The network the card describes, without weights. Loading builds it from the card rather than
     * through the archive's {@code blockFactory}, so archives name whichever factory class they
     * were written with.
     */
    static Block network(ModelCard card) throws IOException {
        try {
            return Networks.build(card.architecture(), card.preprocessing());
        } catch (IllegalArgumentException e) {
            throw new IOException("The model card does not describe a network: " + e.getMessage());
        }
    }

    /** Unpacks an archive (.zip) into the empty directory {@code target} and loads it. */
    public static TrainedModel loadArchive(Path zip, Path target, Device device)
            throws IOException, MalformedModelException, ModelNotFoundException {
        Files.createDirectories(target);
        Path dir = new ModelArchive(1L << 31, 100).unpack(zip, target);
        return load(dir, device);
    }

    public ModelCard card() {
        return card;
    }

    /** Tabular rows as raw cells in the order of {@link ModelCard#inputs()}. */
    public Prediction predictRows(List<String[]> rows) throws TranslateException {
        return predictEncoded(encodeRows(rows), rows.size());
    }

    /**
     * Tabular rows (raw cells in {@link ModelCard#inputs()} order) encoded into the network's input
     * layout, for {@link Session#predict}.
     */
    public float[] encodeRows(List<String[]> rows) {
        int width = preprocessing.inputWidth();
        float[] x = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            checkWidth(rows.get(i).length);
            preprocessing.encodeRow(rows.get(i), x, i * width);
        }
        return x;
    }

    /** Tabular rows as column name → raw value; a missing column counts as an empty cell. */
    public Prediction predictRecords(List<Map<String, String>> records) throws TranslateException {
        List<String[]> rows = new ArrayList<>(records.size());
        for (Map<String, String> record : records) {
            rows.add(
                    preprocessing.features().stream()
                            .map(f -> record.getOrDefault(f.name(), ""))
                            .toArray(String[]::new));
        }
        return predictRows(rows);
    }

    /** A [N, F] tensor with one raw number per feature column (NaN: missing). */
    public Prediction predictFeatures(float[][] rows) throws TranslateException {
        int width = preprocessing.inputWidth();
        float[] x = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            checkWidth(rows[i].length);
            preprocessing.encodeRow(rows[i], 0, x, i * width);
        }
        return predictEncoded(x, rows.length);
    }

    private void checkWidth(int values) {
        if (values != preprocessing.features().size()) {
            throw new IllegalArgumentException(
                    "A row needs %d values (%s), got %d"
                            .formatted(preprocessing.features().size(), card.inputs(), values));
        }
    }

    public Prediction predictImages(List<BufferedImage> images) throws TranslateException {
        return predictEncoded(encodeImages(images), images.size());
    }

    /** Decoded images resized and normalised into the network's input, for a session. */
    public float[] encodeImages(List<BufferedImage> images) {
        float[] x = newImageInput(images.size());
        for (int i = 0; i < images.size(); i++) {
            encodeImage(images.get(i), x, i);
        }
        return x;
    }

    /** The network's input for {@code count} images, to fill with {@link #encodeImage}. */
    public float[] newImageInput(int count) {
        Preprocessing.ImageInput input = requireImages();
        return new float[count * input.channels() * input.size() * input.size()];
    }

    /** One decoded image resized and normalised into sample {@code index} of {@code x}. */
    public void encodeImage(BufferedImage image, float[] x, int index) {
        Preprocessing.ImageInput input = requireImages();
        int size = input.channels() * input.size() * input.size();
        float[] pixels = Images.scaled(image, input.size(), input.channels());
        System.arraycopy(pixels, 0, x, index * size, size);
        Images.normalise(x, index * size, input);
    }

    /**
     * Images already in the [count, C, S, S] layout with values in [0, 1], normalised in place as
     * in training.
     */
    public float[] normaliseScaled(float[] pixels, int count) {
        Preprocessing.ImageInput input = requireImages();
        int size = input.channels() * input.size() * input.size();
        for (int i = 0; i < count; i++) {
            Images.normalise(pixels, i * size, input);
        }
        return pixels;
    }

    /** Samples already preprocessed into the network's input layout. */
    public Prediction predictEncoded(float[] x, int count) throws TranslateException {
        try (Session session = newSession()) {
            return session.predict(x, count);
        }
    }

    /** A predictor of its own, for one thread (a predictor is not thread-safe). */
    public Session newSession() {
        return new Session(model.newPredictor());
    }

    /** One thread's predictor of this model; close it when done. */
    public static final class Session implements AutoCloseable {
        private final Predictor<TrainedTranslator.Batch, Prediction> predictor;

        private Session(Predictor<TrainedTranslator.Batch, Prediction> predictor) {
            this.predictor = predictor;
        }

        /** Samples already encoded ({@link #encodeRows}, {@link #encodeImages}). */
        public Prediction predict(float[] x, int count) throws TranslateException {
            // Inference records no gradients, whatever thread calls (grad mode is per thread).
            JniUtils.setGradMode(false);
            return predictor.predict(new TrainedTranslator.Batch(x, count));
        }

        @Override
        public void close() {
            predictor.close();
        }
    }

    /**
     * Inputs: one per feature column ([-1], float32 or string) or one image tensor [-1, C, S, S];
     * outputs: {@code label} (string, [-1]) and {@code probabilities} (float32, [-1, C]), or {@code
     * prediction} (float32, [-1]).
     */
    public ModelSignature signature() {
        List<TensorSpec> inputs = new ArrayList<>();
        if (preprocessing.image() != null) {
            Preprocessing.ImageInput image = preprocessing.image();
            inputs.add(
                    new TensorSpec(
                            "image",
                            "float32",
                            List.of(
                                    -1L,
                                    (long) image.channels(),
                                    (long) image.size(),
                                    (long) image.size())));
        } else {
            for (Preprocessing.Feature feature : preprocessing.features()) {
                inputs.add(
                        new TensorSpec(
                                feature.name(),
                                feature.type() == ColumnType.NUMERIC ? "float32" : "string",
                                List.of(-1L)));
            }
        }
        List<TensorSpec> outputs =
                preprocessing.classifies()
                        ? List.of(
                                new TensorSpec("label", "string", List.of(-1L)),
                                new TensorSpec(
                                        "probabilities",
                                        "float32",
                                        List.of(-1L, (long) preprocessing.classes().size())))
                        : List.of(new TensorSpec("prediction", "float32", List.of(-1L)));
        return new ModelSignature(inputs, outputs);
    }

    private Preprocessing.ImageInput requireImages() {
        if (preprocessing.image() == null) {
            throw new IllegalArgumentException("This model takes tabular rows, not images");
        }
        return preprocessing.image();
    }

    @Override
    public void close() {
        model.close();
    }
}
