package org.mlplatform.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mlplatform.contract.inference.TensorMetadata;

/**
 * A model whose forward passes a test controls: it doubles its FP32 input, holds every pass until
 * {@link #gate} opens, records the rows of each batch, and fails a batch holding {@link #POISON}.
 */
public final class DoublingModel implements ServableModel {
    public static final float POISON = -999f;
    public final CountDownLatch gate = new CountDownLatch(1);
    public final CountDownLatch firstRun = new CountDownLatch(1);
    public final List<Integer> batchRows = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

    public void awaitFirstRun() throws InterruptedException {
        assertThat(firstRun.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public String platform() {
        return "test";
    }

    @Override
    public List<TensorMetadata> inputs() {
        return List.of(new TensorMetadata("x", "FP32", List.of(-1L, 1L)));
    }

    @Override
    public List<TensorMetadata> outputs() {
        return List.of(new TensorMetadata("y", "FP32", List.of(-1L, 1L)));
    }

    @Override
    public List<Tensor> bind(List<Tensor> inputs) {
        return inputs;
    }

    @Override
    public Optional<List<Tensor>> warmUpInputs() {
        return Optional.empty();
    }

    @Override
    public Session newSession() {
        return new Session() {
            @Override
            public List<Tensor> run(List<Tensor> inputs) throws Exception {
                firstRun.countDown();
                assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue();
                float[] x = (float[]) inputs.get(0).data();
                batchRows.add(x.length);
                float[] y = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    if (x[i] == POISON) {
                        throw new IllegalStateException("poisoned row");
                    }
                    y[i] = 2 * x[i];
                }
                return List.of(new Tensor("y", "FP32", inputs.get(0).shape(), y));
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
