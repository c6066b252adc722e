package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.dataset.DatasetsApi;

/**
 * A tenant's datasets with their profiles, asked on behalf of the signed-in user. Uploads go
 * through {@link Uploads}. Every method throws {@link PlatformApiException} when the call fails.
 */
@ApplicationScoped
public class DatasetCatalogApi {

    private final DatasetsApi datasets;

    @Inject
    DatasetCatalogApi(@RestClient DatasetsClient datasets) {
        this((DatasetsApi) datasets);
    }

    /** Takes the contract interface, so tests can pass an in-memory implementation. */
    public DatasetCatalogApi(DatasetsApi datasets) {
        this.datasets = datasets;
    }

    /** One page of datasets whose name contains {@code query} (blank for all). */
    public PageResponse<DatasetResponse> datasets(String tenant, String query, int page, int size) {
        return ApiCalls.call(() -> datasets.list(tenant, Strings.blankToNull(query), page, size));
    }

    /** The dataset with its profile, or empty when it does not exist in the tenant. */
    public Optional<DatasetResponse> dataset(String tenant, String dataset) {
        return ApiCalls.find(() -> datasets.get(tenant, dataset));
    }

    /** The header and first rows of a CSV dataset. */
    public DatasetPreview preview(String tenant, String dataset) {
        return ApiCalls.call(() -> datasets.preview(tenant, dataset));
    }

    /** Deletes the dataset; a 409 says that a queued or running job still uses it. */
    public void deleteDataset(String tenant, String dataset) {
        ApiCalls.run(() -> datasets.delete(tenant, dataset));
    }
}
