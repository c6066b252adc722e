package org.mlplatform.serving;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Between {@link Tensor} and DJL's {@link NDArray}. */
final class NdArrays {

    private NdArrays() {}

    static NDArray toNdArray(NDManager manager, Tensor t) {
        Shape shape = new Shape(t.shape());
        NDArray array =
                switch (TensorType.valueOf(t.datatype())) {
                    case FP32 -> manager.create((float[]) t.data(), shape);
                    case FP64 -> manager.create((double[]) t.data(), shape);
                    case INT32 -> manager.create((int[]) t.data(), shape);
                    case INT64 -> manager.create((long[]) t.data(), shape);
                    case BOOL -> manager.create((boolean[]) t.data(), shape);
                    case BYTES ->
                            throw InferenceException.badInput(
                                    "Input '" + t.name() + "' is BYTES; the model takes numbers");
                };
        array.setName(t.name());
        return array;
    }

    /** The array as a tensor; types without a protocol counterpart widen (FP16 → FP32, ...). */
    static Tensor toTensor(String name, NDArray array) {
        long[] shape = array.getShape().getShape();
        DataType type = array.getDataType();
        return switch (type) {
            case FLOAT32 -> new Tensor(name, "FP32", shape, array.toFloatArray());
            case FLOAT64 -> new Tensor(name, "FP64", shape, array.toDoubleArray());
            case INT32 -> new Tensor(name, "INT32", shape, array.toIntArray());
            case INT64 -> new Tensor(name, "INT64", shape, array.toLongArray());
            case BOOLEAN -> new Tensor(name, "BOOL", shape, array.toBooleanArray());
            case INT8, UINT8, INT16 ->
                    new Tensor(
                            name, "INT32", shape, array.toType(DataType.INT32, false).toIntArray());
            default ->
                    new Tensor(
                            name,
                            "FP32",
                            shape,
                            array.toType(DataType.FLOAT32, false).toFloatArray());
        };
    }
}
