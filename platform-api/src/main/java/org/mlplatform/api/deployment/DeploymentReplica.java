package org.mlplatform.api.deployment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mlplatform.contract.deployment.DeploymentStatus;

/** One inference worker's word on a deployment: loading, serving, or failed. */
@Entity
@Table(name = "deployment_replicas")
public class DeploymentReplica extends PanacheEntityBase {

    @EmbeddedId public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeploymentStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "load_millis")
    public Long loadMillis;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** The primary key: (deployment, worker). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "deployment_id", nullable = false)
        public UUID deploymentId;

        @Column(name = "worker_id", nullable = false)
        public UUID workerId;

        protected Key() {}

        public Key(UUID deploymentId, UUID workerId) {
            this.deploymentId = deploymentId;
            this.workerId = workerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && deploymentId.equals(k.deploymentId)
                    && workerId.equals(k.workerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deploymentId, workerId);
        }
    }

    /** The deployments' replicas, oldest report first. */
    public static List<DeploymentReplica> ofDeployments(List<UUID> deploymentIds) {
        if (deploymentIds.isEmpty()) {
            return List.of();
        }
        return list("key.deploymentId in ?1 order by reportedAt", deploymentIds);
    }
}
