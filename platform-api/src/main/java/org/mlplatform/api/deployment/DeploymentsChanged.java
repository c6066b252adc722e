package org.mlplatform.api.deployment;

/**
 * Fired in the transaction that changed a deployment, a replica or a model's default version; the
 * directory refreshes once it commits.
 */
public record DeploymentsChanged() {}
