package org.mlplatform.contract.quota;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * Replaces a tenant's limits. A null limit means unlimited. Lowering a limit below the current use
 * is allowed: nothing is deleted, but new uploads and creations are refused until the use is under
 * the limit again.
 */
public record SetQuotaRequest(
        @PositiveOrZero Long maxStorageBytes,
        @PositiveOrZero Integer maxModels,
        @PositiveOrZero Integer maxDatasets) {}
