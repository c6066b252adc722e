package org.mlplatform.portal.apikey;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.mlplatform.contract.apikey.ApiKeyScope;

/**
 * What {@link CreateApiKeyForm} edits, with the contract's limits as Bean Validation constraints
 * (the form's {@code BeanValidationBinder} reads them). Public with getters and setters because the
 * binder reads it as a Java bean.
 */
public class ApiKeyDraft {

    @NotBlank(message = "Enter a name")
    @Size(max = 100, message = "At most 100 characters")
    private String name;

    @NotEmpty(message = "Choose at least one scope")
    private Set<ApiKeyScope> scopes = new LinkedHashSet<>();

    @Size(max = 100, message = "At most 100 models")
    private Set<String> models = new LinkedHashSet<>();

    @NotNull(message = "Choose when the key expires")
    private LocalDate expiresOn;

    @DecimalMin(value = "0.01", message = "At least 0.01")
    @DecimalMax(value = "100000", message = "At most 100000")
    private Double requestsPerSecond;

    @Min(value = 1, message = "At least 1")
    @Max(value = 1_000_000, message = "At most 1000000")
    private Integer burst;

    @Positive(message = "More than 0")
    private Integer monthlyRequestLimit;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Set<ApiKeyScope> getScopes() {
        return scopes;
    }

    public void setScopes(Set<ApiKeyScope> scopes) {
        this.scopes = scopes;
    }

    public Set<String> getModels() {
        return models;
    }

    public void setModels(Set<String> models) {
        this.models = models;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public Double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(Double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public Integer getBurst() {
        return burst;
    }

    public void setBurst(Integer burst) {
        this.burst = burst;
    }

    public Integer getMonthlyRequestLimit() {
        return monthlyRequestLimit;
    }

    public void setMonthlyRequestLimit(Integer monthlyRequestLimit) {
        this.monthlyRequestLimit = monthlyRequestLimit;
    }
}
