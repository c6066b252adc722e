package org.mlplatform.contract.worker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A registered worker and when it was last heard from. */
public record WorkerResponse(
        UUID id,
        String name,
        String url,
        String version,
        String engine,
        String engineVersion,
        Map<String, String> capabilities,
        List<WorkerRole> roles,
        WorkerStatus status,
        Instant registeredAt,
        Instant lastHeartbeatAt) {}
