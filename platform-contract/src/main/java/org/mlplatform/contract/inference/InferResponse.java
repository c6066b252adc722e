package org.mlplatform.contract.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An Open Inference Protocol inference answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferResponse(
        @JsonProperty("model_name") String modelName,
        @JsonProperty("model_version") String modelVersion,
        String id,
        Map<String, Object> parameters,
        List<InferOutput> outputs) {}
