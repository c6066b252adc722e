package org.mlplatform.contract.inference;

/** The Open Inference Protocol's error body: {@code {"error": "..."}}. */
public record InferenceError(String error) {}
