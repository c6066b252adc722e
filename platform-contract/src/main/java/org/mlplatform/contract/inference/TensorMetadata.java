package org.mlplatform.contract.inference;

import java.util.List;

/** A tensor in model metadata; -1 in {@code shape} is a dimension of any size. */
public record TensorMetadata(String name, String datatype, List<Long> shape) {}
