package org.mlplatform.worker.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Block weights as bytes, and copying weights into a block's existing arrays in place: a trainer
 * caches the arrays it initialised, so replacing them would train stale copies.
 */
final class Weights {

    private Weights() {}

    static byte[] save(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Loads saved weights into a fresh block from {@code fresh}, then copies them into target. */
    static void restore(byte[] saved, Supplier<Block> fresh, Block target, NDManager manager)
            throws IOException, MalformedModelException, TrainingException {
        Block source = fresh.get();
        try (NDManager scratch = manager.newSubManager();
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            source.loadParameters(scratch, in);
            copy(source, target, "The saved weights");
        }
    }

    /**
     * Copies every parameter of {@code source} into {@code target}'s arrays.
     *
     * @throws TrainingException (not retryable) when a name or shape differs
     */
    static void copy(Block source, Block target, String what) throws TrainingException {
        Map<String, Parameter> from = byName(source);
        Map<String, Parameter> to = byName(target);
        if (!from.keySet().equals(to.keySet())) {
            throw TrainingException.badData(
                    "%s do not fit this network: they have the layers %s, the network has %s."
                            .formatted(what, from.keySet(), to.keySet()));
        }
        for (Map.Entry<String, Parameter> entry : to.entrySet()) {
            Parameter src = from.get(entry.getKey());
            Parameter dst = entry.getValue();
            if (!src.getArray().getShape().equals(dst.getArray().getShape())) {
                throw TrainingException.badData(
                        ("%s do not fit this network: %s has the shape %s there and %s here."
                                        + " They must come from the same architecture trained on the"
                                        + " same features and classes.")
                                .formatted(
                                        what,
                                        entry.getKey(),
                                        src.getArray().getShape(),
                                        dst.getArray().getShape()));
            }
            dst.getArray().set(src.getArray().toFloatArray());
        }
    }

    private static Map<String, Parameter> byName(Block block) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            map.put(pair.getKey(), pair.getValue());
        }
        return map;
    }
}
