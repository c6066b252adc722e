package org.mlplatform.contract.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** An output the caller wants; without any, every output is answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferRequestedOutput(String name, Map<String, Object> parameters) {}
