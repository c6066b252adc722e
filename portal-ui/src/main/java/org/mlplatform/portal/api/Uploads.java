package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelVersionResponse;

/**
 * Makes the {@link StreamingUpload}s of the portal's pages. The suppliers are asked when the
 * browser starts sending, so a page can let the user choose the format and name first.
 */
@ApplicationScoped
public class Uploads {

    private final ApiHttp api;

    @Inject
    public Uploads(ApiHttp api) {
        this.api = api;
    }

    /** Uploads a new version of a model: {@code POST .../models/{m}/versions?format=}. */
    public StreamingUpload<ModelVersionResponse> modelVersion(
            String tenant, String model, Supplier<ModelFormat> format) {
        return new StreamingUpload<>(
                api.client(),
                () ->
                        api.tenantUri(
                                tenant,
                                ApiHttp.query(
                                        "format", required(format.get(), "a format").wireName()),
                                "models",
                                model,
                                "versions"),
                ModelVersionResponse.class);
    }

    /** Uploads a dataset: {@code POST .../datasets?name=&format=}. */
    public StreamingUpload<DatasetResponse> dataset(
            String tenant, Supplier<String> name, Supplier<DatasetFormat> format) {
        return new StreamingUpload<>(
                api.client(),
                () -> {
                    String chosen = required(name.get(), "a name");
                    DatasetFormat chosenFormat = required(format.get(), "a format");
                    return api.tenantUri(
                            tenant,
                            ApiHttp.query("name", chosen)
                                    + "&"
                                    + ApiHttp.query("format", chosenFormat.wireName()),
                            "datasets");
                },
                DatasetResponse.class);
    }

    private static <V> V required(V value, String what) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new PlatformApiException(400, "Choose " + what + " before uploading.");
        }
        return value;
    }
}
