package org.mlplatform.serving;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlplatform.contract.deployment.DeploymentAssignment;

/** One deployment on this worker: its (future) pool and what the budget knows of it. */
final class DeploymentSlot implements ModelBudget.Resident {
    final UUID id;
    final Path dir;
    final CompletableFuture<ModelPool> pool = new CompletableFuture<>();
    volatile DeploymentAssignment assignment;
    volatile long footprint;
    final AtomicBoolean removed = new AtomicBoolean();
    volatile boolean failed;

    DeploymentSlot(UUID id, DeploymentAssignment assignment, Path modelsDir) {
        this.id = id;
        this.assignment = assignment;
        this.dir = modelsDir.resolve(id + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public long footprint() {
        return footprint;
    }

    @Override
    public boolean evictable() {
        return pool.isDone() && !pool.isCompletedExceptionally();
    }

    @Override
    public long lastUsedNanos() {
        return evictable() ? pool.join().lastUsedNanos() : Long.MAX_VALUE;
    }

    ModelState state() {
        if (failed) {
            return ModelState.FAILED;
        }
        if (!pool.isDone()) {
            return ModelState.LOADING;
        }
        return pool.isCompletedExceptionally() ? ModelState.FAILED : pool.join().state();
    }
}
