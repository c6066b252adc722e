package org.mlplatform.worker.benchmark;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.mlplatform.serving.trained.TrainedModel;

/**
 * Baseline (a) of the inference benchmark: DJL predict in this process, no HTTP, no JSON. Each of
 * CONCURRENCY threads has its own predictor and calls it back to back with one row of FEATURES
 * zeros-and-ones for SECONDS (after a warm-up of the same length), then the throughput and the
 * latency percentiles of one call are printed on one line:
 *
 * <pre>direct concurrency=8 requests=123456 rps=12345.6 p50_ms=0.061 p99_ms=0.240</pre>
 *
 * <p>Usage: {@code DirectInferenceBenchmark onnx <model.onnx> <features> <concurrency> <seconds>}
 * or {@code DirectInferenceBenchmark trained <archive.zip> <features> <concurrency> <seconds>}.
 */
public final class DirectInferenceBenchmark {

    /** One inference call; each thread gets its own. */
    private interface Call extends AutoCloseable {
        void run() throws Exception;

        @Override
        void close();
    }

    private interface Calls extends AutoCloseable {
        Call newCall() throws Exception;

        @Override
        void close();
    }

    private DirectInferenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println(
                    "usage: DirectInferenceBenchmark onnx|trained <model> <features> <concurrency>"
                            + " <seconds>");
            System.exit(2);
        }
        System.setProperty("ai.djl.offline", "true");
        int features = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        double seconds = Double.parseDouble(args[4]);
        try (Calls calls =
                "onnx".equals(args[0])
                        ? onnx(Path.of(args[1]), features)
                        : trained(Path.of(args[1]), features)) {
            run(calls, concurrency, seconds); // warm-up
            long[] result = run(calls, concurrency, seconds);
            System.out.println(report(concurrency, seconds, result));
        }
    }

    private static Calls onnx(Path file, int features) throws Exception {
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(file)
                        .optEngine("OnnxRuntime")
                        .optTranslator(new NoopTranslator())
                        .build();
        ZooModel<NDList, NDList> model = criteria.loadModel();
        return new Calls() {
            @Override
            public Call newCall() {
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = model.getNDManager().newSubManager();
                float[] row = row(features);
                return new Call() {
                    @Override
                    public void run() throws Exception {
                        try (NDManager call = manager.newSubManager()) {
                            NDArray x = call.create(row, new Shape(1, features));
                            NDList out = predictor.predict(new NDList(x));
                            out.get(0).toFloatArray();
                        }
                    }

                    @Override
                    public void close() {
                        predictor.close();
                        manager.close();
                    }
                };
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }

    private static Calls trained(Path archive, int features) throws Exception {
        Path dir = Files.createTempDirectory("direct-inference");
        TrainedModel model = TrainedModel.loadArchive(archive, dir.resolve("model"), Device.cpu());
        float[][] rows = {row(features)};
        return new Calls() {
            @Override
            public Call newCall() {
                return new Call() {
                    @Override
                    public void run() throws Exception {
                        model.predictFeatures(rows);
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }

    private static float[] row(int features) {
        float[] row = new float[features];
        for (int i = 0; i < features; i++) {
            row[i] = i % 2;
        }
        return row;
    }

    /** Runs the calls for the given time; answers every call's latency in nanoseconds. */
    private static long[] run(Calls calls, int concurrency, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        for (int t = 0; t < concurrency; t++) {
            Call call = calls.newCall();
            long[][] holder = {new long[1 << 16]};
            int[] count = {0};
            Thread thread =
                    new Thread(
                            () -> {
                                try (call) {
                                    start.await();
                                    while (System.nanoTime() < end) {
                                        long t0 = System.nanoTime();
                                        call.run();
                                        if (count[0] == holder[0].length) {
                                            holder[0] = Arrays.copyOf(holder[0], count[0] * 2);
                                        }
                                        holder[0][count[0]++] = System.nanoTime() - t0;
                                    }
                                } catch (Exception e) {
                                    failure[0] = e;
                                }
                                synchronized (perThread) {
                                    perThread.add(Arrays.copyOf(holder[0], count[0]));
                                }
                            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private static String report(int concurrency, double seconds, long[] sorted) {
        return String.format(
                Locale.ROOT,
                "direct concurrency=%d requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f",
                concurrency,
                sorted.length,
                sorted.length / seconds,
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? 0
                : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
    }
}
