package org.mlplatform.worker.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mlplatform.serving.trained.ModelCard;
import org.mlplatform.serving.trained.Networks;
import org.mlplatform.serving.trained.TrainedModel;

/**
 * Writes a trained model as a DJL model archive (.zip): {@code serving.properties}, {@code
 * model-0000.params} and {@code model-card.json}, all at the top level.
 */
final class ArchiveWriter {

    private ArchiveWriter() {}

    /** Writes the model directory {@code dir} and zips it into {@code zip}. */
    static void write(ModelCard card, byte[] weights, Device device, Path dir, Path zip)
            throws IOException, MalformedModelException, TrainingException {
        Files.createDirectories(dir);
        try (Model model = Model.newInstance(TrainedModel.MODEL_NAME, device, "PyTorch")) {
            Block block = Networks.build(card.architecture(), card.preprocessing());
            long[] sample = card.preprocessing().sampleShape();
            long[] dims = new long[sample.length + 1];
            dims[0] = 1;
            System.arraycopy(sample, 0, dims, 1, sample.length);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(dims));
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
                block.loadParameters(model.getNDManager(), in);
            }
            model.setBlock(block);
            model.setProperty("Epoch", Integer.toString(card.epochs()));
            model.save(dir, TrainedModel.MODEL_NAME);
        }
        card.write(dir);
        String shape =
                Arrays.stream(card.preprocessing().sampleShape())
                        .mapToObj(Long::toString)
                        .collect(Collectors.joining(","));
        Files.writeString(
                dir.resolve("serving.properties"),
                """
                # A model trained by the platform: DJL rebuilds the network with the block factory
                # from model-card.json and loads model-0000.params into it. The input is the
                # preprocessed batch (see model-card.json); the shape lets a validator try it.
                engine=PyTorch
                blockFactory=%s
                option.modelName=%s
                option.inputNames=input
                option.inputShapes=1,%s
                option.inputDataTypes=float32
                """
                        .formatted(
                                org.mlplatform.serving.trained.TrainedBlockFactory.class.getName(),
                                TrainedModel.MODEL_NAME,
                                shape),
                StandardCharsets.UTF_8);
        zip(dir, zip);
    }

    private static void zip(Path dir, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
