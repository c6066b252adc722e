package org.mlplatform.contract.job;

import java.time.Instant;

/**
 * @param leaseExpiresAt the renewed expiry
 * @param cancelRequested the job was cancelled: stop at the next safe point and report it
 */
public record JobHeartbeatResponse(Instant leaseExpiresAt, boolean cancelRequested) {}
