package org.mlplatform.api.worker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "last_heartbeat_at", nullable = false)
    public Instant lastHeartbeatAt;

    public static Optional<Worker> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
