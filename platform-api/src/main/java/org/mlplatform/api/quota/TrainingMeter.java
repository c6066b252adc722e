package org.mlplatform.api.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Training time per tenant and calendar month (UTC), and the tenant's running TRAIN jobs: what the
 * quotas {@code monthlyTrainingSeconds} and {@code maxConcurrentJobs} are checked against.
 */
@ApplicationScoped
public class TrainingMeter {

    private final EntityManager em;

    public TrainingMeter(EntityManager em) {
        this.em = em;
    }

    /** Adds worker time to the tenant's current month. */
    @Transactional(TxType.MANDATORY)
    public void add(long tenantId, long millis) {
        if (millis <= 0) {
            return;
        }
        em.createNativeQuery(
                        "insert into tenant_training_usage (tenant_id, month, millis)"
                                + " values (?1, ?2, ?3) on conflict (tenant_id, month)"
                                + " do update set millis = tenant_training_usage.millis"
                                + " + excluded.millis")
                .setParameter(1, tenantId)
                .setParameter(2, month())
                .setParameter(3, millis)
                .executeUpdate();
    }

    /** Milliseconds of training this month. */
    public long usedMillis(long tenantId) {
        List<?> rows =
                em.createNativeQuery(
                                "select millis from tenant_training_usage"
                                        + " where tenant_id = ?1 and month = ?2")
                        .setParameter(1, tenantId)
                        .setParameter(2, month())
                        .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    public long usedSeconds(long tenantId) {
        return usedMillis(tenantId) / 1000;
    }

    /** TRAIN jobs of the tenant that run now. */
    public long runningJobs(long tenantId) {
        return ((Number)
                        em.createNativeQuery(
                                        "select count(*) from jobs where tenant_id = ?1"
                                                + " and status = 'RUNNING' and kind = 'TRAIN'")
                                .setParameter(1, tenantId)
                                .getSingleResult())
                .longValue();
    }

    private static LocalDate month() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    }
}
