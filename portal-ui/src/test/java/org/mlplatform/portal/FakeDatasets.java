package org.mlplatform.portal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.dataset.DatasetsApi;
import org.mlplatform.portal.api.PlatformApiException;

/** In-memory datasets and their previews, keyed by "tenant/dataset". */
public class FakeDatasets implements DatasetsApi {

    private final FakePlatform platform;
    public final Map<String, DatasetResponse> datasets = new LinkedHashMap<>();
    public final Map<String, DatasetPreview> previews = new LinkedHashMap<>();

    FakeDatasets(FakePlatform platform) {
        this.platform = platform;
    }

    public void add(String tenant, DatasetResponse dataset, DatasetPreview preview) {
        datasets.put(tenant + "/" + dataset.name(), dataset);
        if (preview != null) {
            previews.put(tenant + "/" + dataset.name(), preview);
        }
    }

    @Override
    public RestResponse<DatasetResponse> upload(
            String tenant, String name, DatasetFormat format, InputStream content) {
        throw new UnsupportedOperationException("uploads stream through StreamingUpload");
    }

    @Override
    public PageResponse<DatasetResponse> list(String tenant, String q, Integer page, Integer size) {
        return FakePlatform.page(
                datasets.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(tenant + "/"))
                        .map(Map.Entry::getValue)
                        .filter(d -> q == null || d.name().contains(q))
                        .toList(),
                page,
                size);
    }

    @Override
    public DatasetResponse get(String tenant, String dataset) {
        DatasetResponse d = datasets.get(tenant + "/" + dataset);
        if (d == null) {
            throw new PlatformApiException(404, "Not found.");
        }
        return d;
    }

    @Override
    public DatasetPreview preview(String tenant, String dataset) {
        DatasetPreview p = previews.get(tenant + "/" + dataset);
        if (p == null) {
            throw new PlatformApiException(404, "Not found.");
        }
        return p;
    }

    @Override
    public void delete(String tenant, String dataset) {
        platform.write("delete dataset " + dataset);
        datasets.remove(tenant + "/" + dataset);
    }
}
