/**
 * The worker (data plane): loads DJL's PyTorch engine offline, registers with platform-api and
 * keeps sending heartbeats. Packages by feature: {@code engine} (DJL), {@code registration}
 * (platform-api client, heartbeat), {@code config} (typed configuration), {@code common}.
 */
package org.mlplatform.worker;
