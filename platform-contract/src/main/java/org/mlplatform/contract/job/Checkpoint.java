package org.mlplatform.contract.job;

/**
 * The state of a training job saved after an epoch: enough to resume at {@code epoch + 1}. Only a
 * job's latest checkpoint is kept.
 */
public record Checkpoint(int epoch, String sha256, long sizeBytes) {}
