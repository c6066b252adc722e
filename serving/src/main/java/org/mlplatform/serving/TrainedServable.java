package org.mlplatform.serving;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.inference.Datatypes;
import org.mlplatform.contract.inference.TensorMetadata;
import org.mlplatform.serving.trained.Images;
import org.mlplatform.serving.trained.Prediction;
import org.mlplatform.serving.trained.Preprocessing;
import org.mlplatform.serving.trained.TrainedModel;

/**
 * A model the platform trained, served with its own preprocessing. Tabular: one input per feature
 * column (numeric FP32, categorical BYTES; shape [N] or [N, 1]) or one FP32 [N, F] tensor of the
 * raw feature values in column order. Images: FP32 [N, C, S, S] with pixel values in [0, 1]
 * (normalised here as in training), or BYTES [N] of base64-encoded PNG/JPEG files. Outputs: {@code
 * label} (BYTES [N]) and {@code probabilities} (FP32 [N, C]), or {@code prediction} (FP32 [N]).
 */
final class TrainedServable implements ServableModel {

    static final String FEATURES = "features";
    static final String IMAGE = "image";

    private final TrainedModel model;
    private final Preprocessing preprocessing;
    // Asked for on every call (an answer names only the requested outputs): built once.
    private final List<TensorMetadata> inputs;
    private final List<TensorMetadata> outputs;
    private final long maxImagePixels;

    /**
     * @param maxImagePixels the most pixels of an encoded image ({@code
     *     platform.serving.max-image-pixels})
     */
    TrainedServable(TrainedModel model, long maxImagePixels) {
        this.model = model;
        this.maxImagePixels = maxImagePixels;
        this.preprocessing = model.card().preprocessing();
        this.inputs = metadata(model.signature().inputs());
        this.outputs = metadata(model.signature().outputs());
    }

    @Override
    public String platform() {
        return "djl_pytorch";
    }

    @Override
    public List<TensorMetadata> inputs() {
        return inputs;
    }

    @Override
    public List<TensorMetadata> outputs() {
        return outputs;
    }

    private static List<TensorMetadata> metadata(
            List<org.mlplatform.contract.model.TensorSpec> specs) {
        return specs.stream()
                .map(
                        s ->
                                new TensorMetadata(
                                        s.name(),
                                        Datatypes.fromDjl(s.dataType()).orElse("FP32"),
                                        s.shape()))
                .toList();
    }

    @Override
    public List<Tensor> bind(List<Tensor> request) {
        InputChecks.sameRows(request);
        if (preprocessing.image() != null) {
            return List.of(image(request));
        }
        List<Preprocessing.Feature> features = preprocessing.features();
        if (request.size() == 1
                && request.get(0).shape().length == 2
                && features.stream().noneMatch(f -> f.name().equals(request.get(0).name()))) {
            Tensor matrix = request.get(0);
            InputChecks.datatype(matrix, "FP32");
            InputChecks.shape(matrix, List.of(-1L, (long) features.size()));
            return List.of(matrix.named(FEATURES));
        }
        List<Tensor> bound = new ArrayList<>(features.size());
        for (Tensor t : request) {
            if (features.stream().noneMatch(f -> f.name().equals(t.name()))) {
                throw InputChecks.unknown(t.name(), inputs());
            }
        }
        for (Preprocessing.Feature feature : features) {
            Tensor t =
                    request.stream()
                            .filter(r -> r.name().equals(feature.name()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            InferenceException.badInput(
                                                    "Missing input '" + feature.name() + "'"));
            InputChecks.datatype(t, feature.type() == ColumnType.NUMERIC ? "FP32" : "BYTES");
            if (t.shape().length > 2 || t.shape().length == 2 && t.shape()[1] != 1) {
                throw InferenceException.badInput(
                        "Input '" + t.name() + "' must have shape [N] or [N, 1]");
            }
            bound.add(t);
        }
        return bound;
    }

    private Tensor image(List<Tensor> request) {
        if (request.size() != 1) {
            throw InferenceException.badInput("The model takes one input: image");
        }
        Tensor t = request.get(0);
        Preprocessing.ImageInput input = preprocessing.image();
        if (t.datatype().equals("BYTES")) {
            InputChecks.shape(t, List.of(-1L));
            return t.named(IMAGE);
        }
        InputChecks.datatype(t, "FP32");
        InputChecks.shape(
                t, List.of(-1L, (long) input.channels(), (long) input.size(), (long) input.size()));
        return t.named(IMAGE);
    }

    @Override
    public Optional<List<Tensor>> warmUpInputs() {
        if (preprocessing.image() != null) {
            Preprocessing.ImageInput input = preprocessing.image();
            long[] dims = {1, input.channels(), input.size(), input.size()};
            int count = input.channels() * input.size() * input.size();
            return Optional.of(List.of(new Tensor(IMAGE, "FP32", dims, new float[count])));
        }
        int width = preprocessing.features().size();
        return Optional.of(
                List.of(new Tensor(FEATURES, "FP32", new long[] {1, width}, new float[width])));
    }

    @Override
    public Session newSession() {
        TrainedModel.Session session = model.newSession();
        return new Session() {
            @Override
            public List<Tensor> run(List<Tensor> inputs) throws Exception {
                int rows = inputs.get(0).rows();
                return outputs(session.predict(encode(inputs, rows), rows), rows);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private float[] encode(List<Tensor> inputs, int rows) {
        Tensor first = inputs.get(0);
        if (first.name().equals(IMAGE)) {
            if (first.datatype().equals("FP32")) {
                return model.normaliseScaled(((float[]) first.data()).clone(), rows);
            }
            // One at a time: a batch holds one decoded image per serving thread, not N.
            float[] x = model.newImageInput(rows);
            String[] encoded = (String[]) first.data();
            for (int r = 0; r < rows; r++) {
                model.encodeImage(decode(encoded[r]), x, r);
            }
            return x;
        }
        List<Preprocessing.Feature> features = preprocessing.features();
        int width = preprocessing.inputWidth();
        float[] x = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            if (first.name().equals(FEATURES)) {
                preprocessing.encodeRow((float[]) first.data(), r * features.size(), x, r * width);
                continue;
            }
            int at = r * width;
            for (int c = 0; c < features.size(); c++) {
                Preprocessing.Feature feature = features.get(c);
                if (inputs.get(c).data() instanceof String[] text) {
                    feature.encode(text[r], x, at);
                } else {
                    feature.encode(((float[]) inputs.get(c).data())[r], x, at);
                }
                at += feature.width();
            }
        }
        return x;
    }

    private java.awt.image.BufferedImage decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw InferenceException.badInput("Input 'image' is not base64: " + e.getMessage());
        }
        try {
            return Images.decode(bytes, maxImagePixels)
                    .orElseThrow(
                            () ->
                                    InferenceException.badInput(
                                            "Input 'image' holds no PNG or JPEG image"));
        } catch (Images.TooManyPixelsException e) {
            Preprocessing.ImageInput input = preprocessing.image();
            throw InferenceException.badInput(
                    ("Input 'image' is %d x %d pixels, more than the %d this runtime decodes"
                                    + " (platform.serving.max-image-pixels); the model sees"
                                    + " %d x %d, so a smaller image loses nothing")
                            .formatted(
                                    e.width(),
                                    e.height(),
                                    maxImagePixels,
                                    input.size(),
                                    input.size()));
        }
    }

    private List<Tensor> outputs(Prediction prediction, int rows) {
        if (prediction.values() != null) {
            return List.of(
                    new Tensor("prediction", "FP32", new long[] {rows}, prediction.values()));
        }
        int classes = preprocessing.classes().size();
        float[] probabilities = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(prediction.probabilities()[r], 0, probabilities, r * classes, classes);
        }
        return List.of(
                new Tensor(
                        "label",
                        "BYTES",
                        new long[] {rows},
                        prediction.labels().toArray(String[]::new)),
                new Tensor("probabilities", "FP32", new long[] {rows, classes}, probabilities));
    }

    @Override
    public void close() {
        model.close();
    }
}
