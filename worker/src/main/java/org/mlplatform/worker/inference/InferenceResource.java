package org.mlplatform.worker.inference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestPath;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.contract.inference.ModelMetadataResponse;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * The Open Inference Protocol (KServe V2, JSON) on the worker, addressed by deployment id. Calls
 * never block the event loop: the body is parsed with a streaming parser into primitive arrays,
 * queued on the model's pool, and the answer written when its batch has run.
 */
@Path("/v2")
public class InferenceResource {

    static final String BATCH_ITEMS = "Inference-Batch-Items";

    private final ModelRegistry registry;
    private final InferenceCalls calls;
    private final WorkerRegistration registration;
    private final boolean serves;

    public InferenceResource(
            ModelRegistry registry,
            InferenceCalls calls,
            WorkerRegistration registration,
            WorkerConfig config) {
        this.registry = registry;
        this.calls = calls;
        this.registration = registration;
        this.serves = config.roles().contains(WorkerRole.INFERENCE);
    }

    @POST
    @Path("/models/{id}/infer")
    public CompletionStage<Response> infer(@RestPath String id, byte[] body) {
        long start = System.nanoTime();
        UUID deployment;
        try {
            deployment = deploymentId(id);
        } catch (InferenceException e) {
            return CompletableFuture.completedFuture(error(e));
        }
        return calls.call(deployment, body, start).thenApply(InferenceResource::response);
    }

    private static Response response(CallFrames.Answer answer) {
        Response.ResponseBuilder response =
                Response.status(answer.status())
                        .type(MediaType.APPLICATION_JSON)
                        .entity(answer.body());
        if (answer.status() == 200) {
            response.header(BATCH_ITEMS, answer.batchItems());
        } else if (answer.status() == 503) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }

    @GET
    @Path("/models/{id}")
    public CompletionStage<Response> metadata(@RestPath String id) {
        UUID deployment;
        try {
            deployment = deploymentId(id);
        } catch (InferenceException e) {
            return CompletableFuture.completedFuture(error(e));
        }
        return registry.acquire(deployment)
                .thenApply(
                        pool -> {
                            DeploymentAssignment a = pool.assignment();
                            return Response.ok(
                                            new ModelMetadataResponse(
                                                    a.model(),
                                                    List.of(Integer.toString(a.version())),
                                                    pool.model().platform(),
                                                    pool.model().inputs(),
                                                    pool.model().outputs()),
                                            MediaType.APPLICATION_JSON)
                                    .build();
                        })
                .exceptionally(InferenceResource::error);
    }

    @GET
    @Path("/models/{id}/ready")
    public CompletionStage<Response> modelReady(@RestPath String id) {
        UUID deployment;
        try {
            deployment = deploymentId(id);
        } catch (InferenceException e) {
            return CompletableFuture.completedFuture(error(e));
        }
        CompletableFuture<ModelPool> pool = registry.acquire(deployment);
        if (!pool.isDone()) {
            return CompletableFuture.completedFuture(ready(503, id, false));
        }
        return pool.thenApply(
                        p ->
                                ready(
                                        p.state() == ModelState.READY ? 200 : 503,
                                        id,
                                        p.state() == ModelState.READY))
                .exceptionally(InferenceResource::error);
    }

    @GET
    @Path("/health/live")
    public Response live() {
        return Response.ok("{\"live\":true}", MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/health/ready")
    public Response ready() {
        boolean ready = serves && registration.status().registered();
        return Response.status(ready ? 200 : 503)
                .type(MediaType.APPLICATION_JSON)
                .entity("{\"ready\":" + ready + "}")
                .build();
    }

    private static Response ready(int status, String id, boolean ready) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity("{\"name\":\"" + id + "\",\"ready\":" + ready + "}")
                .build();
    }

    private static UUID deploymentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InferenceException.notFound("No deployment " + id);
        }
    }

    static Response error(Throwable failure) {
        return response(InferenceCalls.failed(failure));
    }
}
