package org.mlplatform.worker.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the worker stands with platform-api.
 *
 * @param workerId the id platform-api gave this worker, or null while not registered
 * @param reason why the worker is not registered (or why the last heartbeat failed), or null
 * @param lastHeartbeatAt when platform-api last accepted a heartbeat, or null
 * @param nextAttemptAt when the next registration attempt is due, or null when registered
 */
public record RegistrationStatus(
        UUID workerId, String reason, Instant lastHeartbeatAt, Instant nextAttemptAt) {

    /** Whether platform-api knows this worker. */
    public boolean registered() {
        return workerId != null;
    }
}
