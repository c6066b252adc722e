package org.mlplatform.api.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.mlplatform.api.quota.QuotaService;
import org.mlplatform.api.quota.TenantUsage;

/**
 * The one place that stores bytes and charges tenants for them.
 *
 * <p>An upload is two steps. {@link #stage} streams the bytes into the store's staging area with no
 * transaction open, stopping at the upload limit or the tenant's remaining quota. {@link #commit},
 * inside the caller's short transaction, re-checks the quota under the lock of the tenant's usage
 * row, records the blob and the reference, and <em>promotes the bytes before the transaction
 * commits</em>. A tenant is charged a blob's size once however many of its objects reference it.
 *
 * <p>Why promote before commit: promoting after commit could lose bytes (a crash between the commit
 * and the promote leaves a reference to a blob that does not exist), while promoting before commit
 * can at worst leave an unreferenced file (a crash between promote and commit), which costs disk
 * but never data. Every file operation on a blob (promote, and the delete of an unreferenced blob)
 * runs while holding a PostgreSQL advisory lock on its SHA-256 in a transaction that also checks or
 * changes the {@code blobs} row, so a concurrent release of the same bytes cannot delete a file
 * that a commit has just promoted or found present: the commit holds the lock until it commits, and
 * the delete re-checks the row under the lock. When the committing transaction rolls back, a
 * synchronization deletes the promoted file again unless some committed row still references it.
 */
@ApplicationScoped
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class);

    private final BlobStore store;
    private final StorageConfig config;
    private final QuotaService quotas;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry synchronizations;
    private final ExecutorService cleaner =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "blob-cleaner"));

    public StorageService(
            BlobStore store,
            StorageConfig config,
            QuotaService quotas,
            EntityManager em,
            TransactionSynchronizationRegistry synchronizations) {
        this.store = store;
        this.config = config;
        this.quotas = quotas;
        this.em = em;
        this.synchronizations = synchronizations;
    }

    @PreDestroy
    void stop() {
        cleaner.shutdown();
    }

    /**
     * Streams an upload to the staging area, with the limit the smaller of the upload limit and the
     * tenant's remaining storage quota. A {@code contentLength} past the limit fails at once,
     * without reading. Call with no transaction open: this takes as long as the client sends.
     *
     * @throws PayloadTooLargeException 413 past a limit; nothing is left behind
     */
    public StagedUpload stage(long tenantId, InputStream in, Long contentLength) {
        long uploadLimit = config.maxUploadBytes();
        Long quota = quotas.limits(tenantId).maxStorageBytes();
        long remaining =
                quota == null
                        ? Long.MAX_VALUE
                        : Math.max(0, quota - quotas.usage(tenantId).storageBytes);
        boolean quotaBinds = remaining < uploadLimit;
        long limit = Math.min(uploadLimit, remaining);
        if (contentLength != null && contentLength > limit) {
            throw tooLarge(quotaBinds, uploadLimit, remaining);
        }
        try {
            return new StagedUpload(store.stage(in, limit), store);
        } catch (BlobTooLargeException e) {
            throw tooLarge(quotaBinds, uploadLimit, remaining);
        } catch (IOException e) {
            throw new UncheckedIOException("Upload interrupted", e);
        }
    }

    /**
     * References a staged upload from an owner, charging the tenant if it does not reference these
     * bytes yet, and makes the bytes permanent. Runs in the caller's transaction.
     *
     * @throws PayloadTooLargeException 413 {@code storage-quota-exceeded} when the charge no longer
     *     fits (another upload finished first, or the quota was lowered)
     */
    @Transactional(TxType.MANDATORY)
    public BlobRef commit(long tenantId, StagedUpload staged, String ownerType, long ownerId) {
        String sha256 = staged.sha256();
        TenantUsage usage = quotas.lockUsage(tenantId);
        if (!tenantReferences(tenantId, sha256)) {
            Long quota = quotas.limits(tenantId).maxStorageBytes();
            if (quota != null && usage.storageBytes + staged.size() > quota) {
                throw PayloadTooLargeException.storageQuota(quota - usage.storageBytes);
            }
            usage.storageBytes += staged.size();
        }
        lockBlob(sha256);
        em.createNativeQuery(
                        "insert into blobs (sha256, size_bytes) values (?1, ?2)"
                                + " on conflict (sha256) do nothing")
                .setParameter(1, sha256)
                .setParameter(2, staged.size())
                .executeUpdate();
        em.createNativeQuery(
                        "insert into blob_references (tenant_id, sha256, owner_type, owner_id)"
                                + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantId)
                .setParameter(2, sha256)
                .setParameter(3, ownerType)
                .setParameter(4, ownerId)
                .executeUpdate();
        afterCompletion(false, sha256);
        try {
            store.promote(staged.blob());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store blob " + sha256, e);
        }
        staged.markPromoted();
        return new BlobRef(sha256, staged.size());
    }

    /**
     * Moves a tenant's reference to a blob from one owner to another, such as a training job's
     * uploaded archive to the model version it became. The tenant references the same bytes before
     * and after, so no counter changes. False when the old owner held no such reference.
     */
    @Transactional(TxType.MANDATORY)
    public boolean transfer(
            long tenantId, String sha256, String fromType, long fromId, String toType, long toId) {
        return em.createNativeQuery(
                                "update blob_references set owner_type = ?1, owner_id = ?2"
                                        + " where tenant_id = ?3 and sha256 = ?4"
                                        + " and owner_type = ?5 and owner_id = ?6")
                        .setParameter(1, toType)
                        .setParameter(2, toId)
                        .setParameter(3, tenantId)
                        .setParameter(4, sha256)
                        .setParameter(5, fromType)
                        .setParameter(6, fromId)
                        .executeUpdate()
                > 0;
    }

    /** Drops the references of one owner; see {@link #release(long, String, Collection)}. */
    @Transactional(TxType.MANDATORY)
    public void release(long tenantId, String ownerType, long ownerId) {
        release(tenantId, ownerType, List.of(ownerId));
    }

    /**
     * Drops the references of owners. The tenant stops paying for bytes it no longer references;
     * blobs nobody references are deleted after the transaction commits.
     */
    @Transactional(TxType.MANDATORY)
    public void release(long tenantId, String ownerType, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return;
        }
        TenantUsage usage = quotas.lockUsage(tenantId);
        @SuppressWarnings("unchecked")
        List<String> released =
                em.createNativeQuery(
                                "delete from blob_references where tenant_id = ?1"
                                        + " and owner_type = ?2 and owner_id in (?3)"
                                        + " returning sha256")
                        .setParameter(1, tenantId)
                        .setParameter(2, ownerType)
                        .setParameter(3, ownerIds)
                        .getResultList();
        // Sorted, so that two transactions take the advisory locks in the same order.
        for (String sha256 : new TreeSet<>(released)) {
            lockBlob(sha256);
            if (!tenantReferences(tenantId, sha256)) {
                usage.storageBytes = Math.max(0, usage.storageBytes - size(sha256));
            }
            int deleted =
                    em.createNativeQuery(
                                    "delete from blobs b where b.sha256 = ?1 and not exists"
                                            + " (select 1 from blob_references r"
                                            + " where r.sha256 = b.sha256)")
                            .setParameter(1, sha256)
                            .executeUpdate();
            if (deleted > 0) {
                afterCompletion(true, sha256);
            }
        }
    }

    /** Opens a permanent blob for streaming; empty when no such blob is recorded. */
    public Optional<BlobContent> open(String sha256) {
        try {
            return sha256 == null || !sha256.matches("[0-9a-f]{64}")
                    ? Optional.empty()
                    : store.open(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean tenantReferences(long tenantId, String sha256) {
        return !em.createNativeQuery(
                        "select 1 from blob_references where tenant_id = ?1 and sha256 = ?2"
                                + " limit 1")
                .setParameter(1, tenantId)
                .setParameter(2, sha256)
                .getResultList()
                .isEmpty();
    }

    private long size(String sha256) {
        return ((Number)
                        em.createNativeQuery("select size_bytes from blobs where sha256 = ?1")
                                .setParameter(1, sha256)
                                .getSingleResult())
                .longValue();
    }

    /** Serialises every file operation on one blob; held until the transaction ends. */
    private void lockBlob(String sha256) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, sha256)
                .getSingleResult();
    }

    /**
     * After a commit that deleted the {@code blobs} row ({@code onCommit}), or after a rollback of
     * a transaction that promoted the bytes (not {@code onCommit}), deletes the file unless a
     * committed row still records the blob. Runs on another thread in its own transaction.
     */
    private void afterCompletion(boolean onCommit, String sha256) {
        synchronizations.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        boolean committed = status == Status.STATUS_COMMITTED;
                        if (committed == onCommit) {
                            cleaner.execute(() -> deleteIfUnrecorded(sha256));
                        }
                    }
                });
    }

    void deleteIfUnrecorded(String sha256) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                lockBlob(sha256);
                                boolean recorded =
                                        !em.createNativeQuery(
                                                        "select 1 from blobs where sha256 = ?1")
                                                .setParameter(1, sha256)
                                                .getResultList()
                                                .isEmpty();
                                if (!recorded) {
                                    try {
                                        store.delete(sha256);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }
                            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not delete unreferenced blob %s", sha256);
        }
    }

    private static PayloadTooLargeException tooLarge(
            boolean quotaBinds, long uploadLimit, long remaining) {
        return quotaBinds
                ? PayloadTooLargeException.storageQuota(remaining)
                : PayloadTooLargeException.uploadLimit(uploadLimit);
    }
}
