package org.mlplatform.serving;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mlplatform.contract.concurrent.Futures;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.inference.CallFrames;

/**
 * One inference call on this worker, however it came ({@code /infer} alone or among the gateway's
 * coalesced {@code /calls}): parse, bind to the model's signature, queue on its pool, write the
 * answer. Never blocks the calling thread.
 */
@ApplicationScoped
public class InferenceCalls {

    private final ModelRegistry registry;

    public InferenceCalls(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The answer to {@code body}; a body that does not parse never loads the model. */
    public CompletableFuture<CallFrames.Answer> call(UUID deployment, byte[] body, long start) {
        InferRequestParser.Parsed request;
        try {
            request = InferRequestParser.parse(body);
        } catch (InferenceException e) {
            return CompletableFuture.completedFuture(failed(e));
        }
        return registry.acquire(deployment)
                .thenCompose(pool -> run(pool, request, start))
                .exceptionally(InferenceCalls::failed);
    }

    private static CompletionStage<CallFrames.Answer> run(
            ModelPool pool, InferRequestParser.Parsed request, long start) {
        List<Tensor> bound;
        try {
            bound = pool.model().bind(request.inputs());
            OutputFilter.check(request.outputs(), pool.model().outputs());
        } catch (InferenceException e) {
            pool.meters().request(e.status(), start);
            return CompletableFuture.completedFuture(failed(e));
        }
        int rows = bound.get(0).rows();
        DeploymentAssignment a = pool.assignment();
        return pool.submit(bound)
                .thenApply(
                        outputs -> {
                            byte[] answer =
                                    InferResponseWriter.answer(
                                            a.model(),
                                            Integer.toString(a.version()),
                                            request.id(),
                                            OutputFilter.apply(request.outputs(), outputs));
                            pool.meters().request(200, start);
                            return new CallFrames.Answer(200, rows, answer);
                        })
                .exceptionally(
                        e -> {
                            CallFrames.Answer answer = failed(e);
                            pool.meters().request(answer.status(), start);
                            return answer;
                        });
    }

    /** The protocol's error answer for {@code failure}; anything unexpected is a 500. */
    public static CallFrames.Answer failed(Throwable failure) {
        Throwable e = Futures.cause(failure);
        InferenceException inference =
                e instanceof InferenceException ie
                        ? ie
                        : new InferenceException(500, "Inference failed: " + e.getMessage());
        return new CallFrames.Answer(
                inference.status(), 0, InferResponseWriter.error(inference.getMessage()));
    }
}
