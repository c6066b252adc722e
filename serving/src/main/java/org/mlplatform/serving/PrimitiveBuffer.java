package org.mlplatform.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/** A growable primitive array of one datatype, filled from JSON values without boxing. */
final class PrimitiveBuffer {

    private final TensorType type;
    private final String input;
    private Object array;
    private int size;

    PrimitiveBuffer(TensorType type, int capacity, String input) {
        this.type = type;
        this.input = input;
        this.array = type.allocate(capacity);
    }

    void add(JsonParser parser) throws IOException {
        if (size == TensorType.length(array)) {
            grow();
        }
        JsonToken token = parser.currentToken();
        switch (type) {
            case FP32 -> ((float[]) array)[size] = finite(number(parser, token).getFloatValue());
            case FP64 -> ((double[]) array)[size] = finite(number(parser, token).getDoubleValue());
            case INT32 -> ((int[]) array)[size] = integer(parser, token).getIntValue();
            case INT64 -> ((long[]) array)[size] = integer(parser, token).getLongValue();
            case BOOL -> ((boolean[]) array)[size] = bool(token);
            case BYTES -> ((String[]) array)[size] = text(parser, token);
        }
        size++;
    }

    Object toArray() {
        return size == TensorType.length(array) ? array : copy(size);
    }

    private void grow() {
        array = copy(Math.max(16, size * 2));
    }

    private Object copy(int length) {
        return switch (type) {
            case FP32 -> Arrays.copyOf((float[]) array, length);
            case FP64 -> Arrays.copyOf((double[]) array, length);
            case INT32 -> Arrays.copyOf((int[]) array, length);
            case INT64 -> Arrays.copyOf((long[]) array, length);
            case BOOL -> Arrays.copyOf((boolean[]) array, length);
            case BYTES -> Arrays.copyOf((String[]) array, length);
        };
    }

    private JsonParser number(JsonParser parser, JsonToken token) {
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw wrong("numbers");
        }
        return parser;
    }

    /** A JSON number beyond the datatype's range reads as an infinity: a 400, not a value. */
    private double finite(double value) {
        if (Double.isInfinite(value)) {
            throw InferenceException.badInput(
                    "Input '%s' (%s) has a value outside the %s range"
                            .formatted(input, type, type));
        }
        return value;
    }

    private float finite(float value) {
        finite((double) value);
        return value;
    }

    private JsonParser integer(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw wrong("integers");
        }
        if (type == TensorType.INT32 && parser.getNumberType() != JsonParser.NumberType.INT) {
            throw InferenceException.badInput(
                    "Input '" + input + "' (INT32) has a value outside the 32-bit range");
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw InferenceException.badInput(
                    "Input '" + input + "' (INT64) has a value outside the 64-bit range");
        }
        return parser;
    }

    private boolean bool(JsonToken token) {
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw wrong("true or false");
    }

    private String text(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw wrong("strings");
        }
        return parser.getText();
    }

    private InferenceException wrong(String expected) {
        return InferenceException.badInput(
                "Input '%s' is %s: its data must be %s".formatted(input, type, expected));
    }
}
