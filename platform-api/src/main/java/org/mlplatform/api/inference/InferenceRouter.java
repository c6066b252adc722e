package org.mlplatform.api.inference;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletionStage;
import org.mlplatform.api.deployment.ServedDeployment;

/**
 * Sends an inference request to a live inference worker that serves the deployment: ranked by
 * rendezvous hashing of (deployment, worker), one of the top {@code replicas}. A worker that
 * refuses the connection (or has missed its heartbeats) is skipped, and the request is tried once
 * more on the next worker in the ranking. Never blocks the calling thread.
 */
public interface InferenceRouter {

    /**
     * Forwards an Open Inference Protocol JSON body to {@code POST <worker>/v2/models/<deployment
     * id>/infer}. Fails with {@link NoWorkerException} when no live worker could take it.
     */
    CompletionStage<WorkerAnswer> infer(ServedDeployment deployment, Buffer body);

    /** No live inference worker could take the request; the gateway answers 503. */
    final class NoWorkerException extends RuntimeException {
        public NoWorkerException(String message) {
            super(message);
        }
    }
}
