package org.mlplatform.api.job;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.contract.job.JobKind;

/** NOOP jobs queued straight into the queue, as the queue benchmark does. */
final class Noops {

    private Noops() {}

    /** Queues {@code count} NOOP jobs of the tenant, oldest first; returns their ids. */
    static List<UUID> enqueue(long tenantId, int count) {
        JobQueue queue = Arc.container().instance(JobQueue.class).get();
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            List<UUID> ids = new ArrayList<>();
                            for (int i = 0; i < count; i++) {
                                ids.add(queue.enqueue(tenantId, JobKind.NOOP, Map.of(), 0).id);
                            }
                            return ids;
                        });
    }
}
