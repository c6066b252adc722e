package org.mlplatform.contract.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An Open Inference Protocol (KServe V2) inference request, JSON form.
 *
 * @param id echoed in the answer
 * @param outputs the outputs wanted; null: all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferRequest(
        String id,
        Map<String, Object> parameters,
        List<InferInput> inputs,
        List<InferRequestedOutput> outputs) {}
