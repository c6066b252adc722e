package org.mlplatform.worker.training;

import ai.djl.Device;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.mlplatform.contract.training.Activation;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.OptimizerType;
import org.mlplatform.contract.training.TrainingTask;

/** Data and plans the training tests share: Iris, synthetic regression rows, striped images. */
public final class TrainingFixtures {

    private TrainingFixtures() {}

    /** The Iris CSV shipped in test resources. */
    public static byte[] irisCsv() throws IOException {
        try (InputStream in = TrainingFixtures.class.getResourceAsStream("/datasets/iris.csv")) {
            return in.readAllBytes();
        }
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes);
    }

    /** y = 3·x1 − 2·x2 + 0.5·x3 + 10 + small noise, {@code rows} rows. */
    public static byte[] regressionCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double x3 = random.nextGaussian();
            double y = 3 * x1 - 2 * x2 + 0.5 * x3 + 10 + 0.05 * random.nextGaussian();
            csv.append("%.4f,%.4f,%.4f,%.4f\n".formatted(x1, x2, x3, y));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A zip with the folders {@code horizontal/} and {@code vertical/}, {@code perClass} PNGs each
     * (16×16 stripes of random phase and colour).
     */
    public static byte[] stripesZip(int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String kind : List.of("horizontal", "vertical")) {
                for (int i = 0; i < perClass; i++) {
                    zip.putNextEntry(new ZipEntry("stripes/" + kind + "/" + i + ".png"));
                    zip.write(png(stripes(kind.equals("horizontal"), random)));
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    public static BufferedImage stripes(boolean horizontal, Random random) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 16, 16);
        g.setColor(new Color(155 + random.nextInt(100), 155 + random.nextInt(100), 200));
        int phase = random.nextInt(4);
        for (int s = phase; s < 16; s += 4) {
            if (horizontal) {
                g.fillRect(0, s, 16, 2);
            } else {
                g.fillRect(s, 0, 2, 16);
            }
        }
        g.dispose();
        return image;
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A small Iris classifier trained for a few epochs, packed as the platform packs it. */
    public static TrainedArtifact irisArchive(Path work) throws Exception {
        Hyperparameters hp = hyperparameters(5, 16, 0.01);
        Path csv = write(work, "iris.csv", irisCsv());
        TrainingData data =
                TrainingPipeline.prepare(
                        org.mlplatform.contract.dataset.DatasetFormat.CSV,
                        csv,
                        settings(TrainingTask.CLASSIFICATION, "species", hp));
        return TrainingPipeline.trainAndPack(
                plan(mlp(0), hp, data, work, null), TrainingProgress.NONE, work);
    }

    /** A small CNN trained on 16×16 grey stripes (horizontal, vertical). */
    public static TrainedArtifact stripesArchive(Path work) throws Exception {
        Hyperparameters hp = hyperparameters(3, 8, 0.005);
        Path zip = write(work, "stripes.zip", stripesZip(12, 11));
        TrainingData data =
                TrainingPipeline.prepare(
                        org.mlplatform.contract.dataset.DatasetFormat.IMAGE_ZIP,
                        zip,
                        settings(TrainingTask.IMAGE_CLASSIFICATION, null, hp));
        return TrainingPipeline.trainAndPack(
                plan(cnn(), hp, data, work, null), TrainingProgress.NONE, work);
    }

    public static ArchitectureSpec mlp(double dropout) {
        return new ArchitectureSpec(
                        ArchitectureType.MLP, List.of(16, 16), Activation.RELU, dropout, null, null)
                .withDefaults();
    }

    public static ArchitectureSpec cnn() {
        return new ArchitectureSpec(ArchitectureType.CNN, null, null, null, 16, 1).withDefaults();
    }

    public static Hyperparameters hyperparameters(int epochs, int batchSize, double lr) {
        return new Hyperparameters(epochs, batchSize, lr, OptimizerType.ADAM, null, 0.2, 7L, null)
                .withDefaults();
    }

    public static DataSettings settings(TrainingTask task, String label, Hyperparameters hp) {
        return new DataSettings(
                task, label, null, Map.of(), null, hp.validationSplit(), hp.seed(), 16, 1);
    }

    public static TrainingPlan plan(
            ArchitectureSpec architecture,
            Hyperparameters hp,
            TrainingData data,
            Path workDir,
            Path resumeFrom)
            throws IOException {
        Files.createDirectories(workDir);
        return new TrainingPlan(
                architecture, hp, data, Device.cpu(), workDir, null, resumeFrom, null, null);
    }

    /** A progress that records epochs and keeps copies of the checkpoints it is handed. */
    public static final class Recording implements TrainingProgress {
        public final List<EpochMetrics> epochs = new ArrayList<>();
        public final List<String> logs = new ArrayList<>();
        public final Map<Integer, Path> checkpoints = new java.util.HashMap<>();
        private final Path keep;
        private final int stopAfterEpoch;

        /**
         * Keeps checkpoints in {@code keep}; cancels the run after {@code stopAfterEpoch} (0:
         * never).
         */
        public Recording(Path keep, int stopAfterEpoch) {
            this.keep = keep;
            this.stopAfterEpoch = stopAfterEpoch;
        }

        @Override
        public void log(String level, String message) {
            logs.add(level + " " + message);
        }

        @Override
        public void epochEnded(EpochMetrics metrics) {
            epochs.add(metrics);
        }

        @Override
        public void checkpointSaved(int epoch, Path checkpoint) {
            try {
                Files.createDirectories(keep);
                checkpoints.put(
                        epoch,
                        Files.copy(
                                checkpoint,
                                keep.resolve("kept-" + epoch + ".bin"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<TrainingStoppedException.Reason> stopRequested() {
            return stopAfterEpoch > 0 && epochs.size() >= stopAfterEpoch
                    ? Optional.of(TrainingStoppedException.Reason.CANCELLED)
                    : Optional.empty();
        }
    }
}
