package org.mlplatform.worker.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.mlplatform.contract.training.OptimizerType;

/**
 * Adam or SGD with momentum whose state (moments, step counts) can be saved in a checkpoint and
 * restored, so a resumed run continues exactly where it stopped. DJL's own optimizers keep that
 * state private. State is keyed by the parameter's name in the block, which is stable across runs,
 * unlike its id.
 */
final class ResumableOptimizer extends Optimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final OptimizerType type;
    private final float learningRate;
    private final float momentum;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, NDArray> first = new HashMap<>();
    private final Map<String, NDArray> second = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    ResumableOptimizer(OptimizerType type, double learningRate, double momentum) {
        super(new Builder());
        this.type = type;
        this.learningRate = (float) learningRate;
        this.momentum = (float) momentum;
    }

    /** Tells the optimizer the stable name of a parameter id. */
    void name(String parameterId, String name) {
        names.put(parameterId, name);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        String key = names.getOrDefault(parameterId, parameterId);
        int t = steps.merge(key, 1, Integer::sum);
        NDArray m = first.computeIfAbsent(key, k -> persistent(weight.zerosLike()));
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            if (type == OptimizerType.SGD) {
                m.muli(momentum).addi(grad);
                weight.subi(m.mul(learningRate));
                return;
            }
            NDArray v = second.computeIfAbsent(key, k -> persistent(weight.zerosLike()));
            m.muli(BETA1).addi(grad.mul(1 - BETA1));
            v.muli(BETA2).addi(grad.square().mul(1 - BETA2));
            float correction1 = 1 - (float) Math.pow(BETA1, t);
            float correction2 = 1 - (float) Math.pow(BETA2, t);
            NDArray step =
                    m.div(correction1)
                            .div(v.div(correction2).sqrt().add(EPSILON))
                            .mul(learningRate);
            weight.subi(step);
        }
    }

    private static NDArray persistent(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(steps.size());
        for (Map.Entry<String, Integer> entry : steps.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
            writeArray(out, first.get(entry.getKey()));
            writeArray(out, second.get(entry.getKey()));
        }
    }

    void load(DataInputStream in, NDManager manager) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            steps.put(key, in.readInt());
            NDArray m = readArray(in, manager);
            NDArray v = readArray(in, manager);
            if (m != null) {
                first.put(key, m);
            }
            if (v != null) {
                second.put(key, v);
            }
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        if (array == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return NDArray.decode(manager, in.readNBytes(length));
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
