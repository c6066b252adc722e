package org.mlplatform.serving;

import java.util.Arrays;

/**
 * One tensor of a request or an answer, held as a primitive array: {@code float[]} (FP32), {@code
 * double[]} (FP64), {@code int[]} (INT32), {@code long[]} (INT64), {@code boolean[]} (BOOL) or
 * {@code String[]} (BYTES), row-major.
 *
 * @param name the input or output name
 * @param datatype the protocol's datatype name
 * @param shape the dimensions; the first is the batch (rows)
 * @param data the elements
 */
public record Tensor(String name, String datatype, long[] shape, Object data) {

    /** The number of rows: the first dimension, 1 for a scalar. */
    public int rows() {
        return shape.length == 0 ? 1 : (int) shape[0];
    }

    /**
     * The product of {@code shape}'s dimensions.
     *
     * @throws ArithmeticException if it does not fit in a long
     */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** The dimensions after the first, as a key for batching compatible requests together. */
    String rowShape() {
        return shape.length <= 1 ? "" : Arrays.toString(Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** The same data under another name. */
    Tensor named(String newName) {
        return new Tensor(newName, datatype, shape, data);
    }
}
