package org.mlplatform.contract.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One input tensor of an Open Inference Protocol request.
 *
 * @param datatype the protocol's name: BOOL, INT8 ... INT64, UINT8, FP16, FP32, FP64, BYTES
 * @param data the elements in row-major order, flat or nested; BYTES as strings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferInput(
        String name,
        List<Long> shape,
        String datatype,
        Map<String, Object> parameters,
        Object data) {}
