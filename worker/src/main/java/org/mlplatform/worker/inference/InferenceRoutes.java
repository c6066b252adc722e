package org.mlplatform.worker.inference;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.serving.ServingRoutes;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * The worker's Open Inference Protocol surface: {@code GET /v2/health/live} and {@code
 * /v2/health/ready} (ready when it serves models and is registered), and, with the INFERENCE role,
 * the serving runtime's {@code /v2/models/{deployment}/...} routes ({@link ServingRoutes}).
 */
@ApplicationScoped
public class InferenceRoutes {

    private final ServingRoutes serving;
    private final WorkerRegistration registration;
    private final boolean serves;

    public InferenceRoutes(
            ServingRoutes serving, WorkerRegistration registration, WorkerConfig config) {
        this.serving = serving;
        this.registration = registration;
        this.serves = config.roles().contains(WorkerRole.INFERENCE);
    }

    void register(@Observes Router router) {
        router.get("/v2/health/live")
                .order(ServingRoutes.BEFORE_FILTERS)
                .handler(
                        rc -> ServingRoutes.send(rc.response(), 200, "{\"live\":true}".getBytes()));
        router.get("/v2/health/ready").order(ServingRoutes.BEFORE_FILTERS).handler(this::ready);
        if (serves) {
            serving.mount(router, "");
        }
    }

    private void ready(RoutingContext rc) {
        boolean ready = serves && registration.status().registered();
        ServingRoutes.send(
                rc.response(), ready ? 200 : 503, ("{\"ready\":" + ready + "}").getBytes());
    }
}
