package org.mlplatform.worker.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlplatform.serving.trained.ModelCard;
import org.mlplatform.serving.trained.Networks;
import org.mlplatform.serving.trained.TrainedModel;

/** Starts a run from the weights of an earlier trained archive. */
final class WarmStart {

    private WarmStart() {}

    /**
     * Copies the weights of the unpacked archive {@code dir} into {@code target}.
     *
     * @throws TrainingException (not retryable) when the archive is not a trained model of this
     *     platform or its network has other layers or shapes
     */
    static void load(Path dir, Device device, Block target)
            throws IOException, MalformedModelException, TrainingException {
        if (!Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))) {
            throw TrainingException.badData(
                    "The warm-start version was not trained on this platform (its archive has no"
                            + " model-card.json): only trained versions can be warmed up from.");
        }
        ModelCard card = ModelCard.read(dir);
        try (Model model = Model.newInstance("warm-start", device, "PyTorch")) {
            model.setBlock(Networks.build(card.architecture(), card.preprocessing()));
            model.load(dir, TrainedModel.MODEL_NAME);
            Weights.copy(model.getBlock(), target, "The warm-start model's weights");
        }
    }
}
