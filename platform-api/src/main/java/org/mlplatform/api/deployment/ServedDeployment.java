package org.mlplatform.api.deployment;

import java.util.UUID;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;

/**
 * A deployment as the inference gateway sees it: what to route to and what to tell callers about
 * it.
 *
 * @param replicas how many inference workers serve it
 */
public record ServedDeployment(
        UUID id,
        long tenantId,
        String model,
        int version,
        ModelFormat format,
        DeploymentStatus status,
        ModelSignature signature,
        int replicas) {}
