package org.mlplatform.api.dataset;

import org.mlplatform.contract.dataset.DatasetResponse;

/** Maps datasets to wire records. */
final class DatasetResponses {

    private DatasetResponses() {}

    static DatasetResponse of(Dataset d) {
        return new DatasetResponse(
                d.name,
                d.format,
                d.sizeBytes,
                d.sha256,
                d.profile.csv(),
                d.profile.images(),
                d.createdAt);
    }
}
