package org.mlplatform.serving;

import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.inference.TensorMetadata;

/**
 * A loaded model as the serving pool sees it: checks a request's inputs, hands out one {@link
 * Session} (predictor) per serving thread, and answers batches of rows.
 */
public interface ServableModel extends AutoCloseable {

    /** The runtime for metadata, such as {@code onnxruntime_onnx}. */
    String platform();

    List<TensorMetadata> inputs();

    List<TensorMetadata> outputs();

    /**
     * The request's inputs checked against the model and put in the model's order, so that requests
     * with equal names, datatypes and row shapes can be concatenated along dim 0.
     *
     * @throws InferenceException 400 naming the input that does not fit
     */
    List<Tensor> bind(List<Tensor> inputs);

    /** Inputs of one row of zeros for the warm-up; empty when the shapes are not known. */
    Optional<List<Tensor>> warmUpInputs();

    /** A predictor for one serving thread; never shared between threads. */
    Session newSession();

    @Override
    void close();

    /** One thread's predictor. */
    interface Session extends AutoCloseable {

        /** One forward pass over bound (and possibly concatenated) inputs. */
        List<Tensor> run(List<Tensor> inputs) throws Exception;

        @Override
        void close();
    }
}
