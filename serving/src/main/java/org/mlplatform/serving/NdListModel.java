package org.mlplatform.serving;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.ZooModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlplatform.contract.inference.Datatypes;
import org.mlplatform.contract.inference.TensorMetadata;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.TensorSpec;

/**
 * An uploaded model (ONNX, TorchScript or a DJL archive) run on raw tensors: NDList in, NDList out.
 * ONNX inputs are matched by name to the signature; TorchScript takes them by position.
 */
final class NdListModel implements ServableModel {

    private final ZooModel<NDList, NDList> model;
    private final String platform;
    private final boolean byName;
    private final List<TensorSpec> inputSpecs;
    private final List<TensorSpec> outputSpecs;

    /**
     * @param byName whether inputs are matched by name (ONNX) or taken in request order
     */
    NdListModel(
            ZooModel<NDList, NDList> model,
            String platform,
            boolean byName,
            ModelSignature signature) {
        this.model = model;
        this.platform = platform;
        this.byName = byName;
        this.inputSpecs =
                signature == null || signature.inputs() == null ? List.of() : signature.inputs();
        this.outputSpecs =
                signature == null || signature.outputs() == null ? List.of() : signature.outputs();
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public List<TensorMetadata> inputs() {
        return inputSpecs.stream().map(NdListModel::metadata).toList();
    }

    @Override
    public List<TensorMetadata> outputs() {
        return outputSpecs.stream().map(NdListModel::metadata).toList();
    }

    @Override
    public List<Tensor> bind(List<Tensor> request) {
        List<Tensor> bound =
                byName && !inputSpecs.isEmpty() ? byName(request) : byPosition(request);
        for (Tensor t : bound) {
            if (t.datatype().equals("BYTES")) {
                throw InferenceException.badInput(
                        "Input '" + t.name() + "' is BYTES; this model takes numeric tensors");
            }
        }
        InputChecks.sameRows(bound);
        return bound;
    }

    private List<Tensor> byName(List<Tensor> request) {
        Map<String, Tensor> given = new HashMap<>();
        for (Tensor t : request) {
            if (inputSpecs.stream().noneMatch(s -> s.name().equals(t.name()))) {
                throw InputChecks.unknown(t.name(), inputs());
            }
            if (given.put(t.name(), t) != null) {
                throw InferenceException.badInput("Input '" + t.name() + "' is given twice");
            }
        }
        List<Tensor> bound = new ArrayList<>(inputSpecs.size());
        for (TensorSpec spec : inputSpecs) {
            Tensor t = given.get(spec.name());
            if (t == null) {
                throw InferenceException.badInput("Missing input '" + spec.name() + "'");
            }
            check(t, spec);
            bound.add(t);
        }
        return bound;
    }

    private List<Tensor> byPosition(List<Tensor> request) {
        boolean known = inputSpecs.stream().anyMatch(s -> s.shape() != null);
        if (known && request.size() != inputSpecs.size()) {
            throw InferenceException.badInput(
                    "The model takes %d input(s) %s, got %d"
                            .formatted(
                                    inputSpecs.size(),
                                    inputSpecs.stream().map(TensorSpec::name).toList(),
                                    request.size()));
        }
        for (int i = 0; known && i < request.size(); i++) {
            check(request.get(i), inputSpecs.get(i));
        }
        return request;
    }

    private static void check(Tensor t, TensorSpec spec) {
        InputChecks.datatype(t, Datatypes.fromDjl(spec.dataType()).orElse(null));
        InputChecks.shape(t, spec.shape());
    }

    @Override
    public Optional<List<Tensor>> warmUpInputs() {
        if (inputSpecs.isEmpty() || inputSpecs.stream().anyMatch(s -> s.shape() == null)) {
            return Optional.empty();
        }
        List<Tensor> zeros = new ArrayList<>();
        for (TensorSpec spec : inputSpecs) {
            long[] dims = spec.shape().stream().mapToLong(d -> d < 0 ? 1 : d).toArray();
            TensorType type =
                    TensorType.of(Datatypes.fromDjl(spec.dataType()).orElse("FP32")).orElse(null);
            if (type == null || type == TensorType.BYTES) {
                return Optional.empty();
            }
            int count = (int) Tensor.elementCount(dims);
            zeros.add(new Tensor(spec.name(), type.name(), dims, type.allocate(count)));
        }
        return Optional.of(zeros);
    }

    @Override
    public Session newSession() {
        Predictor<NDList, NDList> predictor = model.newPredictor();
        return new Session() {
            @Override
            public List<Tensor> run(List<Tensor> inputs) throws Exception {
                try (NDManager manager = model.getNDManager().newSubManager()) {
                    NDList in = new NDList(inputs.size());
                    for (Tensor t : inputs) {
                        in.add(NdArrays.toNdArray(manager, t));
                    }
                    NDList out = predictor.predict(in);
                    List<Tensor> outputs = new ArrayList<>(out.size());
                    for (int i = 0; i < out.size(); i++) {
                        outputs.add(NdArrays.toTensor(outputName(out.get(i), i), out.get(i)));
                    }
                    return outputs;
                }
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }

    private String outputName(NDArray array, int index) {
        if (index < outputSpecs.size() && outputSpecs.get(index).name() != null) {
            return outputSpecs.get(index).name();
        }
        return array.getName() == null || array.getName().isBlank()
                ? "output" + index
                : array.getName();
    }

    private static TensorMetadata metadata(TensorSpec spec) {
        return new TensorMetadata(
                spec.name(),
                Datatypes.fromDjl(spec.dataType()).orElse("FP32"),
                spec.shape() == null ? List.of(-1L) : spec.shape());
    }

    @Override
    public void close() {
        model.close();
    }
}
