package org.mlplatform.api.worker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mlplatform.contract.worker.WorkerRole;

/** A worker node, registered by its unique name. */
@Entity
@Table(name = "workers")
public class Worker extends PanacheEntityBase {

    @Id public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    public String version;

    public String engine;

    @Column(name = "engine_version")
    public String engineVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> capabilities;

    /** What it does; never empty. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<WorkerRole> roles;

    /**
     * The secret the gateway sends on inference calls to this worker. Never returned by an API and
     * never logged.
     */
    @Column(name = "inference_token")
    public String inferenceToken;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "last_heartbeat_at", nullable = false)
    public Instant lastHeartbeatAt;

    @Override
    public String toString() {
        return "Worker[" + id + ", " + name + "]";
    }

    public static Optional<Worker> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
