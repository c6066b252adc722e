package org.mlplatform.contract.model;

import java.util.List;

/** The inputs and outputs a worker found when it loaded the model. */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {}
