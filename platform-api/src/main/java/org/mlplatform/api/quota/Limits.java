package org.mlplatform.api.quota;

/** A tenant's effective limits; null is unlimited. */
public record Limits(Long maxStorageBytes, Long maxModels, Long maxDatasets) {

    Long of(Counter counter) {
        return counter == Counter.MODELS ? maxModels : maxDatasets;
    }
}
