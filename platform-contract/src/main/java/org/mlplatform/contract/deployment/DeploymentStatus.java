package org.mlplatform.contract.deployment;

/**
 * Whether a deployment serves. PENDING until a worker has loaded it; READY once one replica has;
 * FAILED when every worker that tried to load it failed (the reason says why).
 */
public enum DeploymentStatus {
    PENDING,
    READY,
    FAILED
}
