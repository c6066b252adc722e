package org.mlplatform.api.quota;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;

/**
 * Tenants' limits and counters. Every change of a counter happens under a row lock of the tenant's
 * {@code tenant_usage} row, so two concurrent creations cannot both take the last slot and the
 * counters stay exact.
 */
@ApplicationScoped
public class QuotaService {

    private final QuotaConfig config;
    private final TrainingMeter training;
    private final InferenceMeter inference;

    public QuotaService(QuotaConfig config, TrainingMeter training, InferenceMeter inference) {
        this.config = config;
        this.training = training;
        this.inference = inference;
    }

    /** The limits in force: the admin's, or the configured defaults. */
    public Limits limits(long tenantId) {
        TenantQuota quota = TenantQuota.findById(tenantId);
        if (quota == null) {
            return new Limits(
                    config.defaultMaxStorageBytes(),
                    (long) config.defaultMaxModels(),
                    (long) config.defaultMaxDatasets(),
                    config.defaultMaxConcurrentJobs().map(Integer::longValue).orElse(null),
                    config.defaultMonthlyTrainingSeconds().orElse(null),
                    config.defaultMaxRequestsPerSecond().map(Integer::longValue).orElse(null),
                    config.defaultMonthlyInferenceRequests().orElse(null));
        }
        return new Limits(
                quota.maxStorageBytes,
                quota.maxModels == null ? null : quota.maxModels.longValue(),
                quota.maxDatasets == null ? null : quota.maxDatasets.longValue(),
                quota.maxConcurrentJobs == null ? null : quota.maxConcurrentJobs.longValue(),
                quota.monthlyTrainingSeconds,
                quota.maxRequestsPerSecond == null ? null : quota.maxRequestsPerSecond.longValue(),
                quota.monthlyInferenceRequests);
    }

    /** Current use, without a lock; for display and for an early upload limit. */
    public TenantUsage usage(long tenantId) {
        TenantUsage usage = TenantUsage.findById(tenantId);
        return usage != null ? usage : empty(tenantId);
    }

    /** The tenant's usage row, created if missing and locked until the transaction ends. */
    @Transactional(TxType.MANDATORY)
    public TenantUsage lockUsage(long tenantId) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into tenant_usage (tenant_id) values (?1) on conflict do nothing")
                .setParameter(1, tenantId)
                .executeUpdate();
        return Panache.getEntityManager()
                .find(TenantUsage.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Counts one more; 403 {@code quota-exceeded} when the limit is reached. */
    @Transactional(TxType.MANDATORY)
    public void acquire(long tenantId, Counter counter) {
        TenantUsage usage = lockUsage(tenantId);
        Long limit = limits(tenantId).of(counter);
        long used = counter == Counter.MODELS ? usage.models : usage.datasets;
        if (limit != null && used + 1 > limit) {
            throw new QuotaExceededException(counter.limitName(), limit);
        }
        add(usage, counter, 1);
    }

    /**
     * Fails with 403 {@code quota-exceeded} when the counter is at its limit already; unlocked, so
     * only an early answer before a long upload. {@link #acquire} is the binding check.
     */
    public void requireRoom(long tenantId, Counter counter) {
        Long limit = limits(tenantId).of(counter);
        TenantUsage usage = usage(tenantId);
        long used = counter == Counter.MODELS ? usage.models : usage.datasets;
        if (limit != null && used + 1 > limit) {
            throw new QuotaExceededException(counter.limitName(), limit);
        }
    }

    /** Counts one less. */
    @Transactional(TxType.MANDATORY)
    public void release(long tenantId, Counter counter) {
        add(lockUsage(tenantId), counter, -1);
    }

    public QuotaResponse response(long tenantId) {
        Limits limits = limits(tenantId);
        TenantUsage usage = usage(tenantId);
        return new QuotaResponse(
                new QuotaLimit(limits.maxStorageBytes(), usage.storageBytes),
                new QuotaLimit(limits.maxModels(), usage.models),
                new QuotaLimit(limits.maxDatasets(), usage.datasets),
                new QuotaLimit(limits.maxConcurrentJobs(), training.runningJobs(tenantId)),
                new QuotaLimit(limits.monthlyTrainingSeconds(), training.usedSeconds(tenantId)),
                new QuotaLimit(limits.maxRequestsPerSecond(), inference.lastSecond(tenantId)),
                new QuotaLimit(limits.monthlyInferenceRequests(), inference.tenantMonth(tenantId)));
    }

    private static void add(TenantUsage usage, Counter counter, int delta) {
        if (counter == Counter.MODELS) {
            usage.models = Math.max(0, usage.models + delta);
        } else {
            usage.datasets = Math.max(0, usage.datasets + delta);
        }
    }

    private static TenantUsage empty(long tenantId) {
        TenantUsage usage = new TenantUsage();
        usage.tenantId = tenantId;
        return usage;
    }
}
