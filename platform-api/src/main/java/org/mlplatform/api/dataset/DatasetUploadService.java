package org.mlplatform.api.dataset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.quota.Counter;
import org.mlplatform.api.quota.QuotaService;
import org.mlplatform.api.storage.StagedUpload;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.dataset.ImageZipProfile;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * Dataset uploads. The bytes stream to the blob store's staging area with no transaction open and
 * are checked on the way: a CSV is profiled in the same pass ({@link CsvTee}); an image zip needs
 * random access, so it is copied from the staging area to a local temporary file and inspected
 * there. Content that fails the check answers 400 {@code invalid-dataset} and the staged bytes are
 * discarded: nothing is stored or charged. Then one short transaction takes a dataset slot, stores
 * the dataset and commits the bytes.
 */
@ApplicationScoped
public class DatasetUploadService {

    private static final Pattern NAME = Pattern.compile(Slugs.PATTERN);

    private final TenantAccess access;
    private final StorageService storage;
    private final QuotaService quotas;
    private final AuditLog audit;
    private final CsvProfiler csvProfiler = new CsvProfiler();
    private final ImageZipInspector zipInspector = new ImageZipInspector();
    private final ExecutorService profilers =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "csv-profiler");
                        t.setDaemon(true);
                        return t;
                    });

    public DatasetUploadService(
            TenantAccess access, StorageService storage, QuotaService quotas, AuditLog audit) {
        this.access = access;
        this.storage = storage;
        this.quotas = quotas;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        profilers.shutdownNow();
    }

    /**
     * Checks access, name, format, the name's availability and the dataset count before reading a
     * byte; then streams, checks and registers. 400 when empty or invalid, 409 on a taken name, 403
     * past maxDatasets, 413 past the upload limit or the storage quota.
     */
    public DatasetResponse upload(
            String slug, String name, DatasetFormat format, InputStream in, Long length) {
        long tenantId = access.require(slug, TenantRole.MEMBER).tenant.id;
        if (name == null || !NAME.matcher(name).matches()) {
            throw DatasetProblems.badName();
        }
        if (format == null) {
            throw DatasetFormatParamConverter.invalid();
        }
        if (Dataset.findByName(tenantId, name).isPresent()) {
            throw DatasetProblems.duplicate(name);
        }
        quotas.requireRoom(tenantId, Counter.DATASETS);
        if (length != null && length == 0) {
            throw DatasetProblems.empty();
        }
        return format == DatasetFormat.CSV
                ? uploadCsv(slug, tenantId, name, in, length)
                : uploadImageZip(slug, tenantId, name, in, length);
    }

    private DatasetResponse uploadCsv(
            String slug, long tenantId, String name, InputStream in, Long length) {
        try (CsvTee tee = new CsvTee(in, csvProfiler, profilers);
                StagedUpload staged = stage(tenantId, tee, length)) {
            if (staged.size() == 0) {
                throw DatasetProblems.empty();
            }
            CsvProfiler.Result result = tee.result();
            Dataset.Profile profile = new Dataset.Profile(result.profile(), null);
            return register(slug, name, DatasetFormat.CSV, staged, profile, result.preview());
        } catch (DatasetFormatException e) {
            throw new DatasetProblems.InvalidDataset(e);
        }
    }

    /** Stages the tee's stream; when the profiler stopped it, answers with the profiler's error. */
    private StagedUpload stage(long tenantId, CsvTee tee, Long length)
            throws DatasetFormatException {
        try {
            return storage.stage(tenantId, tee.stream(), length);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CsvTee.Rejected) {
                tee.result(); // throws the profiler's DatasetFormatException
            }
            throw e;
        }
    }

    private DatasetResponse uploadImageZip(
            String slug, long tenantId, String name, InputStream in, Long length) {
        try (StagedUpload staged = storage.stage(tenantId, in, length)) {
            if (staged.size() == 0) {
                throw DatasetProblems.empty();
            }
            Dataset.Profile profile = new Dataset.Profile(null, inspect(staged));
            return register(slug, name, DatasetFormat.IMAGE_ZIP, staged, profile, null);
        }
    }

    /** Inspects a local copy of the staged zip, which is removed again. */
    private ImageZipProfile inspect(StagedUpload staged) {
        Path copy = null;
        try {
            copy = Files.createTempFile("dataset-", ".zip");
            try (InputStream bytes = staged.open()) {
                Files.copy(bytes, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return zipInspector.inspect(copy);
        } catch (DatasetFormatException e) {
            throw new DatasetProblems.InvalidDataset(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not inspect the uploaded zip", e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private DatasetResponse register(
            String slug,
            String name,
            DatasetFormat format,
            StagedUpload staged,
            Dataset.Profile profile,
            DatasetPreview preview) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            Membership mine = access.require(slug, TenantRole.MEMBER);
                            long tenantId = mine.tenant.id;
                            // Locks the tenant's usage row: registrations of a tenant serialise,
                            // so the name check below cannot race (the unique key backs it up).
                            quotas.acquire(tenantId, Counter.DATASETS);
                            if (Dataset.findByName(tenantId, name).isPresent()) {
                                throw DatasetProblems.duplicate(name);
                            }
                            Dataset dataset = new Dataset();
                            dataset.tenantId = tenantId;
                            dataset.name = name;
                            dataset.format = format;
                            dataset.sizeBytes = staged.size();
                            dataset.sha256 = staged.sha256();
                            dataset.profile = profile;
                            dataset.preview = preview;
                            dataset.createdAt = Instant.now();
                            dataset.persistAndFlush();
                            storage.commit(tenantId, staged, Dataset.BLOB_OWNER, dataset.id);
                            audit.record(
                                    access.caller().username(),
                                    mine.tenant,
                                    AuditLog.DATASET_UPLOADED,
                                    "dataset",
                                    name,
                                    Map.of(
                                            "format", format.wireName(),
                                            "sizeBytes", dataset.sizeBytes,
                                            "sha256", dataset.sha256));
                            return DatasetResponses.of(dataset);
                        });
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is harmless; the OS cleans its temp directory.
            }
        }
    }
}
