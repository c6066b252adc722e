package org.mlplatform.contract.quota;

/**
 * A tenant's limits with their current use. Later features add fields here.
 *
 * @param storageBytes bytes of model artifacts and datasets the tenant references
 * @param models models (not versions)
 * @param datasets datasets
 */
public record QuotaResponse(QuotaLimit storageBytes, QuotaLimit models, QuotaLimit datasets) {}
