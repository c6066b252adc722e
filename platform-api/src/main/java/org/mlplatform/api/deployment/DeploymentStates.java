package org.mlplatform.api.deployment;

import java.util.Collection;
import org.mlplatform.contract.deployment.DeploymentStatus;

/** A deployment's status from its replicas' reports. */
final class DeploymentStates {

    private DeploymentStates() {}

    /** The aggregate status and, when FAILED, the first failure's reason. */
    record State(DeploymentStatus status, String failureReason) {}

    /**
     * READY when any replica is READY; FAILED when every replica that reported FAILED and none is
     * loading; else (also with no report yet) PENDING.
     *
     * @param replicas the reports of live workers, oldest first
     */
    static State of(Collection<DeploymentReplica> replicas) {
        boolean pending = false;
        String firstFailure = null;
        for (DeploymentReplica r : replicas) {
            switch (r.status) {
                case READY -> {
                    return new State(DeploymentStatus.READY, null);
                }
                case PENDING -> pending = true;
                case FAILED -> {
                    if (firstFailure == null) {
                        firstFailure = r.failureReason == null ? "unknown" : r.failureReason;
                    }
                }
            }
        }
        if (pending || firstFailure == null) {
            return new State(DeploymentStatus.PENDING, null);
        }
        return new State(DeploymentStatus.FAILED, firstFailure);
    }
}
