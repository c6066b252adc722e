package org.mlplatform.portal.deployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What {@link DeployForm} edits, with the limits of {@code CreateDeploymentRequest} as Bean
 * Validation constraints. Public with getters and setters because the binder reads it as a bean.
 */
public class DeployDraft {

    @NotBlank(message = "Choose a model")
    private String model;

    @NotNull(message = "Choose a READY version")
    private Integer version;

    @NotNull(message = "Enter a batch size")
    @Min(value = 1, message = "At least 1")
    @Max(value = 256, message = "At most 256")
    private Integer maxBatchSize = 8;

    @NotNull(message = "Enter a delay")
    @Min(value = 0, message = "At least 0")
    @Max(value = 1000, message = "At most 1000")
    private Integer maxBatchDelayMs = 2;

    @NotNull(message = "Enter the replicas")
    @Min(value = 1, message = "At least 1")
    @Max(value = 16, message = "At most 16")
    private Integer replicas = 1;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public Integer getMaxBatchDelayMs() {
        return maxBatchDelayMs;
    }

    public void setMaxBatchDelayMs(Integer maxBatchDelayMs) {
        this.maxBatchDelayMs = maxBatchDelayMs;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }
}
