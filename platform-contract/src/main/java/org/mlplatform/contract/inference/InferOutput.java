package org.mlplatform.contract.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** One output tensor of an answer; {@code data} is flat, in row-major order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferOutput(
        String name,
        List<Long> shape,
        String datatype,
        Map<String, Object> parameters,
        List<Object> data) {}
