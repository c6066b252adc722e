package org.mlplatform.serving;

import ai.djl.ndarray.types.DataType;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Optional;

/** The protocol datatypes this worker serves, with their Java arrays and DJL types. */
enum TensorType {
    FP32(float[].class, DataType.FLOAT32),
    FP64(double[].class, DataType.FLOAT64),
    INT32(int[].class, DataType.INT32),
    INT64(long[].class, DataType.INT64),
    BOOL(boolean[].class, DataType.BOOLEAN),
    BYTES(String[].class, DataType.STRING);

    private final Class<?> arrayClass;
    private final DataType djl;

    TensorType(Class<?> arrayClass, DataType djl) {
        this.arrayClass = arrayClass;
        this.djl = djl;
    }

    /** The type of a protocol datatype name; empty for one this worker does not serve. */
    static Optional<TensorType> of(String datatype) {
        if (datatype == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(datatype.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The type of a DJL data type; empty for one without a protocol counterpart here. */
    static Optional<TensorType> of(DataType type) {
        for (TensorType t : values()) {
            if (t.djl == type) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    DataType djl() {
        return djl;
    }

    /** A new zeroed (or empty-string) array of this type. */
    Object allocate(int length) {
        Object array = Array.newInstance(arrayClass.getComponentType(), length);
        if (this == BYTES) {
            java.util.Arrays.fill((String[]) array, "");
        }
        return array;
    }

    /** Whether {@code data} is this type's array. */
    boolean holds(Object data) {
        return arrayClass.isInstance(data);
    }

    static int length(Object data) {
        return Array.getLength(data);
    }
}
