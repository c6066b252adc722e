package org.mlplatform.contract.apikey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What an API key may do. On the wire: {@code inference:invoke}, {@code models:read}. */
public enum ApiKeyScope {
    /** Call {@code POST /v2/models/{model}[/versions/{v}]/infer}. */
    INFERENCE_INVOKE("inference:invoke"),
    /** Read model metadata and readiness: {@code GET /v2/models/{model}[/versions/{v}][/ready]}. */
    MODELS_READ("models:read");

    private final String wireName;

    ApiKeyScope(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses the wire name, case-insensitively. */
    @JsonCreator
    public static ApiKeyScope fromString(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "scope must be one of inference:invoke, models:read"));
    }
}
