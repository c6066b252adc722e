package org.mlplatform.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.contract.quota.AdminQuotaApi;
import org.mlplatform.contract.quota.QuotaApi;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.quota.SetQuotaRequest;

/** In-memory quotas by tenant; a tenant without one is unlimited and uses nothing. */
public class FakeQuotas implements QuotaApi, AdminQuotaApi {

    private final FakePlatform platform;
    public final Map<String, QuotaResponse> quotas = new LinkedHashMap<>();

    FakeQuotas(FakePlatform platform) {
        this.platform = platform;
    }

    @Override
    public QuotaResponse get(String tenant) {
        return quotas.getOrDefault(
                tenant,
                new QuotaResponse(
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0),
                        new QuotaLimit(null, 0)));
    }

    @Override
    public QuotaResponse set(String slug, SetQuotaRequest request) {
        platform.write(request);
        QuotaResponse now = get(slug);
        QuotaResponse updated =
                new QuotaResponse(
                        new QuotaLimit(request.maxStorageBytes(), now.storageBytes().used()),
                        new QuotaLimit(toLong(request.maxModels()), now.models().used()),
                        new QuotaLimit(toLong(request.maxDatasets()), now.datasets().used()),
                        new QuotaLimit(
                                toLong(request.maxConcurrentJobs()), now.concurrentJobs().used()),
                        new QuotaLimit(
                                request.monthlyTrainingSeconds(), now.trainingSeconds().used()),
                        new QuotaLimit(
                                toLong(request.maxRequestsPerSecond()),
                                now.requestsPerSecond().used()),
                        new QuotaLimit(
                                request.monthlyInferenceRequests(),
                                now.inferenceRequests().used()));
        quotas.put(slug, updated);
        return updated;
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
