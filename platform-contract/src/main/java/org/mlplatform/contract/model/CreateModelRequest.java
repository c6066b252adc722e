package org.mlplatform.contract.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mlplatform.contract.tenant.Slugs;

/**
 * Creates a model, the named container of versions.
 *
 * @param name lowercase slug, unique in the tenant
 */
public record CreateModelRequest(
        @NotBlank
                @Pattern(
                        regexp = Slugs.PATTERN,
                        message =
                                "must be 3-40 lowercase letters, digits or hyphens, starting with a letter")
                String name,
        @Size(max = 2000) String description,
        @NotNull ModelTask task) {}
