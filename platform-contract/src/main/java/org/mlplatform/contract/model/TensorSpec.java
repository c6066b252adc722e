package org.mlplatform.contract.model;

import java.util.List;

/**
 * One input or output of a model.
 *
 * @param name the tensor's name in the model
 * @param dataType DJL's data type name, such as {@code float32} or {@code int64}; null if unknown
 * @param shape the dimensions; -1 for a dimension of any size (the batch); null if unknown
 */
public record TensorSpec(String name, String dataType, List<Long> shape) {}
