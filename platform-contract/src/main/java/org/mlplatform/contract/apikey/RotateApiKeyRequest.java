package org.mlplatform.contract.apikey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A new secret for a key; its id, name, scopes and limits stay.
 *
 * @param gracePeriodSeconds how long the old secret keeps working (0: not at all; at most 30 days;
 *     default 0)
 */
public record RotateApiKeyRequest(@PositiveOrZero @Max(2_592_000) Long gracePeriodSeconds) {}
