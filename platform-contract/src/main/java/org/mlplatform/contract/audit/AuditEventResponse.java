package org.mlplatform.contract.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change.
 *
 * @param id increasing identifier
 * @param occurredAt when it happened
 * @param actor the username of who did it
 * @param tenant the slug of the tenant it happened in; null for platform-wide events
 * @param action what happened, such as {@code tenant.suspended} or {@code member.added}
 * @param targetType the kind of object changed, such as {@code tenant} or {@code member}
 * @param target the changed object's name
 * @param details what changed, such as the old and the new role
 */
public record AuditEventResponse(
        long id,
        Instant occurredAt,
        String actor,
        String tenant,
        String action,
        String targetType,
        String target,
        Map<String, Object> details) {}
