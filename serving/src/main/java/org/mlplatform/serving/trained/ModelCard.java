package org.mlplatform.serving.trained;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.Hyperparameters;

/**
 * {@code model-card.json} in a trained model archive: how the network is built, how inputs are
 * preprocessed, what it was trained with and how well it did. {@link TrainedBlockFactory} rebuilds
 * the network from it, {@link TrainedModel} the preprocessing.
 *
 * @param inputs the feature columns (tabular) or {@code image}
 * @param metrics the final figures (those of the epoch whose weights were kept)
 */
public record ModelCard(
        int formatVersion,
        String task,
        ArchitectureSpec architecture,
        Hyperparameters hyperparameters,
        Preprocessing preprocessing,
        List<String> inputs,
        List<String> classes,
        Map<String, Double> metrics,
        int epochs) {

    public static final String FILE_NAME = "model-card.json";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);

    /** Reads the card of an unpacked archive. */
    public static ModelCard read(Path modelDir) throws IOException {
        return JSON.readValue(modelDir.resolve(FILE_NAME).toFile(), ModelCard.class);
    }

    public void write(Path modelDir) throws IOException {
        JSON.writeValue(modelDir.resolve(FILE_NAME).toFile(), this);
    }
}
