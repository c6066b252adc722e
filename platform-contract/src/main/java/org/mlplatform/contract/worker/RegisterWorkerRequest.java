package org.mlplatform.contract.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A worker announces itself at start. Registering again under the same name updates the record.
 *
 * @param name a stable name, unique among workers (the host name by default)
 * @param url where the platform reaches the worker's HTTP API
 * @param version the worker's build version
 * @param engine the DJL engine it loaded, such as {@code PyTorch}
 * @param engineVersion that engine's version
 * @param capabilities free-form facts: device, cores, memory
 * @param roles what it does; null or empty: {@code JOBS} only
 * @param inferenceToken a secret the worker made at start; the gateway sends it as {@code
 *     Authorization: Bearer} on every inference call, and the worker refuses calls without it
 */
public record RegisterWorkerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String url,
        @Size(max = 100) String version,
        @Size(max = 100) String engine,
        @Size(max = 100) String engineVersion,
        Map<String, String> capabilities,
        List<WorkerRole> roles,
        @Size(min = 32, max = 200) String inferenceToken) {}
