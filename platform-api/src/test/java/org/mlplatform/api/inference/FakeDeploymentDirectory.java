package org.mlplatform.api.inference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mlplatform.api.deployment.DeploymentDirectory;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.api.model.Model;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.TensorSpec;

/** Deployments that tests put in place, per tenant and model. */
@Alternative
@ApplicationScoped
public class FakeDeploymentDirectory implements DeploymentDirectory {

    private final Map<String, ServedDeployment> deployments = new ConcurrentHashMap<>();

    /** Deploys version {@code version} of the tenant's model (an ONNX model, READY). */
    public ServedDeployment deploy(long tenantId, String model, int version) {
        return deploy(tenantId, model, version, DeploymentStatus.READY);
    }

    public ServedDeployment deploy(
            long tenantId, String model, int version, DeploymentStatus status) {
        ServedDeployment d =
                new ServedDeployment(
                        UUID.randomUUID(),
                        tenantId,
                        model,
                        version,
                        ModelFormat.ONNX,
                        status,
                        new ModelSignature(
                                List.of(new TensorSpec("input", "float32", List.of(-1L, 4L))),
                                List.of(new TensorSpec("output", "float32", List.of(-1L, 3L)))),
                        1);
        deployments.put(tenantId + "/" + model + "/" + version, d);
        registerModel(tenantId, model, version);
        return d;
    }

    /** The model's row, as a real deployment has one (API keys' allow-lists name models). */
    private static void registerModel(long tenantId, String name, int version) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            if (Model.findByName(tenantId, name).isPresent()) {
                                return;
                            }
                            Model model = new Model();
                            model.tenantId = tenantId;
                            model.name = name;
                            model.task = ModelTask.OTHER;
                            model.nextVersion = version + 1;
                            model.createdAt = Instant.now();
                            model.updatedAt = model.createdAt;
                            model.persist();
                        });
    }

    @Override
    public Optional<ServedDeployment> find(long tenantId, String model, Integer version) {
        if (version != null) {
            return Optional.ofNullable(deployments.get(tenantId + "/" + model + "/" + version));
        }
        return deployedVersions(tenantId, model).stream()
                .reduce((a, b) -> b)
                .map(v -> deployments.get(tenantId + "/" + model + "/" + v));
    }

    @Override
    public List<Integer> deployedVersions(long tenantId, String model) {
        return deployments.values().stream()
                .filter(d -> d.tenantId() == tenantId && d.model().equals(model))
                .map(ServedDeployment::version)
                .sorted()
                .toList();
    }
}
