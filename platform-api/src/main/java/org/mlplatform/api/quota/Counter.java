package org.mlplatform.api.quota;

/** Things a tenant has a limited number of. */
public enum Counter {
    MODELS("maxModels"),
    DATASETS("maxDatasets");

    private final String limitName;

    Counter(String limitName) {
        this.limitName = limitName;
    }

    /** The name of the limit in the quota API. */
    public String limitName() {
        return limitName;
    }
}
