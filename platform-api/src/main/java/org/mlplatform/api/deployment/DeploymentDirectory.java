package org.mlplatform.api.deployment;

import java.util.List;
import java.util.Optional;

/**
 * Looks deployments up for the inference gateway, on its hot path: answers from memory, refreshed
 * from the database at most a second behind. Every lookup is scoped by tenant.
 */
public interface DeploymentDirectory {

    /**
     * The deployment serving {@code model} at {@code version} in the tenant; with {@code version}
     * null, the model's default version, or else its highest deployed version. Empty when there is
     * none.
     */
    Optional<ServedDeployment> find(long tenantId, String model, Integer version);

    /** The model's deployed versions, lowest first; empty when none is deployed. */
    List<Integer> deployedVersions(long tenantId, String model);
}
