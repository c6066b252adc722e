package org.mlplatform.serving.trained;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;

/**
 * The built-in architectures as DJL blocks. Both end in one linear output per class (softmax comes
 * with the loss in training and is applied at inference) or a single output for regression.
 */
public final class Networks {

    private Networks() {}

    /**
     * The network for a spec (defaults filled in) and the data it will see.
     *
     * @throws IllegalArgumentException when the spec does not fit the data (a cnn on a table)
     */
    public static Block build(ArchitectureSpec spec, Preprocessing preprocessing) {
        boolean images = preprocessing.image() != null;
        if (spec.type() == ArchitectureType.CNN) {
            if (!images) {
                throw new IllegalArgumentException(
                        "The cnn architecture needs an image-zip dataset; use mlp for CSV data.");
            }
            return cnn(preprocessing.outputs());
        }
        return mlp(spec, preprocessing.outputs(), images);
    }

    /**
     * Dense layers of {@code hiddenLayers} units, each followed by the activation and, when {@code
     * dropout > 0}, dropout; then a dense output layer. Images are flattened first.
     */
    static Block mlp(ArchitectureSpec spec, int outputs, boolean flattenFirst) {
        SequentialBlock block = new SequentialBlock();
        if (flattenFirst) {
            block.add(Blocks.batchFlattenBlock());
        }
        for (int units : spec.hiddenLayers()) {
            block.add(Linear.builder().setUnits(units).build());
            block.add(activation(spec));
            if (spec.dropout() > 0) {
                block.add(Dropout.builder().optRate(spec.dropout().floatValue()).build());
            }
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }

    /**
     * conv 32 3×3 relu → max-pool 2 → conv 64 3×3 relu → max-pool 2 → flatten → dense 64 relu →
     * dense N. The convolutions pad by 1, so only the poolings shrink the image (size / 4).
     */
    static Block cnn(int outputs) {
        return new SequentialBlock()
                .add(conv(32))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(64))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(outputs).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    private static Block activation(ArchitectureSpec spec) {
        return switch (spec.activation()) {
            case RELU -> Activation.reluBlock();
            case TANH -> Activation.tanhBlock();
            case SIGMOID -> Activation.sigmoidBlock();
        };
    }
}
