package org.mlplatform.api.inference;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.mlplatform.api.deployment.ServedDeployment;

/**
 * Answers like an inference worker: by default 200 with the protocol's JSON (model_name, the
 * version as a string, the request's id, one output per row) and the batch items of the first
 * input. Tests program other answers per deployment, and see what was routed.
 */
@Alternative
@ApplicationScoped
public class FakeInferenceRouter implements InferenceRouter {

    /** What a test wants a deployment's worker to do. */
    public interface Behaviour
            extends BiFunction<ServedDeployment, Buffer, CompletionStage<WorkerAnswer>> {}

    private final Map<UUID, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<ServedDeployment> routed = new CopyOnWriteArrayList<>();

    public void program(UUID deployment, Behaviour behaviour) {
        behaviours.put(deployment, behaviour);
    }

    /** The worker sheds load: 503 with its Retry-After. */
    public static Behaviour shedding(String retryAfter) {
        return (d, b) ->
                CompletableFuture.completedFuture(
                        new WorkerAnswer(
                                503, Buffer.buffer("{\"error\":\"queue full\"}"), 0, retryAfter));
    }

    /** No live worker. */
    public static Behaviour noWorker() {
        return (d, b) -> CompletableFuture.failedFuture(new NoWorkerException("no live worker"));
    }

    /** The worker answers this status and error. */
    public static Behaviour error(int status, String message) {
        return (d, b) ->
                CompletableFuture.completedFuture(
                        new WorkerAnswer(
                                status,
                                new JsonObject().put("error", message).toBuffer(),
                                0,
                                null));
    }

    public List<ServedDeployment> routed() {
        return routed;
    }

    @Override
    public CompletionStage<WorkerAnswer> infer(ServedDeployment deployment, Buffer body) {
        routed.add(deployment);
        Behaviour behaviour = behaviours.get(deployment.id());
        return behaviour != null ? behaviour.apply(deployment, body) : answer(deployment, body);
    }

    private static CompletionStage<WorkerAnswer> answer(ServedDeployment deployment, Buffer body) {
        JsonObject request;
        try {
            request = body.toJsonObject();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    new WorkerAnswer(
                            400, Buffer.buffer("{\"error\":\"the body is not JSON\"}"), 0, null));
        }
        JsonArray inputs = request.getJsonArray("inputs", new JsonArray());
        JsonArray shape =
                inputs.isEmpty()
                        ? new JsonArray()
                        : inputs.getJsonObject(0).getJsonArray("shape", new JsonArray());
        int rows = shape.isEmpty() ? 0 : shape.getInteger(0);
        JsonArray data = new JsonArray();
        for (int i = 0; i < rows; i++) {
            data.add(deployment.tenantId());
        }
        JsonObject answer =
                new JsonObject()
                        .put("model_name", deployment.model())
                        .put("model_version", String.valueOf(deployment.version()))
                        .put(
                                "outputs",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("name", "output")
                                                        .put("datatype", "INT64")
                                                        .put("shape", new JsonArray().add(rows))
                                                        .put("data", data)));
        if (request.getString("id") != null) {
            answer.put("id", request.getString("id"));
        }
        return CompletableFuture.completedFuture(
                new WorkerAnswer(200, answer.toBuffer(), rows, null));
    }
}
