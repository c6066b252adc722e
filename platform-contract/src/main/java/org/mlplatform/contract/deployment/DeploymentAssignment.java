package org.mlplatform.contract.deployment;

import java.util.UUID;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;

/**
 * What an inference worker needs to serve a deployment (worker API).
 *
 * @param id the deployment's id: the gateway calls the worker at {@code /v2/models/{id}/infer}
 * @param tenant the tenant's slug (for logs and metrics)
 * @param model the model's name, echoed as {@code model_name} in inference answers
 * @param version echoed as {@code model_version}
 * @param artifact the version's artifact, fetched from {@code /internal/v1/blobs/{sha256}}
 * @param signature what validation (or training) found; the worker checks requests against it
 * @param trained whether the platform trained it (a DJL archive with our model card)
 */
public record DeploymentAssignment(
        UUID id,
        String tenant,
        String model,
        int version,
        ModelFormat format,
        BlobPointer artifact,
        ModelSignature signature,
        boolean trained,
        int maxBatchSize,
        int maxBatchDelayMs) {}
