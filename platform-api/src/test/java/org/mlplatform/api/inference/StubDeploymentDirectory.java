package org.mlplatform.api.inference;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.mlplatform.api.deployment.DeploymentDirectory;
import org.mlplatform.api.deployment.ServedDeployment;

/** Lets the app boot without the deployments feature: nothing is deployed. */
@DefaultBean
@ApplicationScoped
public class StubDeploymentDirectory implements DeploymentDirectory {

    @Override
    public Optional<ServedDeployment> find(long tenantId, String model, Integer version) {
        return Optional.empty();
    }

    @Override
    public List<Integer> deployedVersions(long tenantId, String model) {
        return List.of();
    }
}
