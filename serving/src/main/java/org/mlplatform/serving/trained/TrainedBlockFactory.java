package org.mlplatform.serving.trained;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rebuilds the network of a trained archive from its {@code model-card.json}, so DJL's standard
 * loading ({@code Criteria} with the archive as model path) works: {@code serving.properties} names
 * this class as {@code blockFactory}, DJL builds the block and reads {@code model-0000.params} into
 * it.
 */
public class TrainedBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments)
            throws IOException {
        return TrainedModel.network(ModelCard.read(modelPath));
    }
}
