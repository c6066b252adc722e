package org.mlplatform.api.inference;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.mlplatform.api.deployment.ServedDeployment;

/** Lets the app boot without the deployments feature: no worker ever takes a request. */
@DefaultBean
@ApplicationScoped
public class StubInferenceRouter implements InferenceRouter {

    @Override
    public Uni<WorkerAnswer> infer(ServedDeployment deployment, Buffer body) {
        return Uni.createFrom().failure(new NoWorkerException("no inference router in this build"));
    }
}
