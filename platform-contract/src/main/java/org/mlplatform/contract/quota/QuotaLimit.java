package org.mlplatform.contract.quota;

/**
 * One limit and what is used of it.
 *
 * @param limit the most allowed; null means unlimited
 * @param used what the tenant uses now
 */
public record QuotaLimit(Long limit, long used) {}
