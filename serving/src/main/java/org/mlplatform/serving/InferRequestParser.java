package org.mlplatform.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an Open Inference Protocol request body with Jackson's streaming parser straight into
 * primitive arrays (no boxed numbers), flat or nested {@code data}, and checks each input's shape
 * against its element count. Every problem is a 400 that names the input.
 */
final class InferRequestParser {

    /** A parsed request; {@code outputs} null means every output. */
    record Parsed(String id, List<Tensor> inputs, List<String> outputs) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private InferRequestParser() {}

    static Parsed parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw InferenceException.badInput("The request has no body");
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InferenceException.badInput("The request body is not a JSON object");
            }
            String id = null;
            List<Tensor> inputs = null;
            List<String> outputs = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = id(parser, value);
                    case "inputs" -> inputs = inputs(parser);
                    case "outputs" -> outputs = outputs(parser);
                    default -> parser.skipChildren(); // parameters and extensions
                }
            }
            if (parser.nextToken() != null) {
                throw InferenceException.badInput(
                        "The request body has more after its JSON object");
            }
            if (inputs == null || inputs.isEmpty()) {
                throw InferenceException.badInput("The request has no inputs");
            }
            return new Parsed(id, inputs, outputs);
        } catch (JsonProcessingException e) {
            throw InferenceException.badInput(
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InferenceException.badInput("The request body cannot be read");
        }
    }

    /** The request's id, echoed in the answer: a string (a number is taken as its text). */
    private static String id(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> throw InferenceException.badInput("id must be a string");
        };
    }

    private static List<Tensor> inputs(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_ARRAY, "inputs must be an array");
        List<Tensor> inputs = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser, JsonToken.START_OBJECT, "each input must be an object");
            Tensor input = input(parser, inputs.size());
            for (Tensor earlier : inputs) {
                if (earlier.name().equals(input.name())) {
                    throw InferenceException.badInput(
                            "Input '" + input.name() + "' is given twice");
                }
            }
            inputs.add(input);
        }
        return inputs;
    }

    private static Tensor input(JsonParser parser, int index) throws IOException {
        String name = null;
        String datatype = null;
        long[] shape = null;
        Object data = null;
        JsonNode early = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "name" -> name = parser.getValueAsString();
                case "datatype" -> datatype = parser.getValueAsString();
                case "shape" -> shape = shape(parser, label(name, index));
                case "data" -> {
                    // Clients write datatype first; if not, the data waits as a tree.
                    if (datatype == null) {
                        early = parser.readValueAsTree();
                    } else {
                        data = data(parser, type(datatype, name, index), shape, name);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        String label = label(name, index);
        if (name == null || name.isBlank()) {
            throw InferenceException.badInput("Input " + index + " has no name");
        }
        TensorType type = type(datatype, name, index);
        if (shape == null) {
            throw InferenceException.badInput("Input '" + name + "' has no shape");
        }
        if (early != null) {
            try (JsonParser tree = early.traverse(JSON)) {
                tree.nextToken();
                data = data(tree, type, shape, name);
            }
        }
        if (data == null) {
            throw InferenceException.badInput("Input '" + name + "' has no data");
        }
        int expected = elements(shape, name);
        if (TensorType.length(data) != expected) {
            throw InferenceException.badInput(
                    "%s has shape %s (%d elements) but %d data elements"
                            .formatted(
                                    label,
                                    Arrays.toString(shape),
                                    expected,
                                    TensorType.length(data)));
        }
        return new Tensor(name, type.name(), shape, data);
    }

    private static String label(String name, int index) {
        return name == null ? "Input " + index : "Input '" + name + "'";
    }

    private static TensorType type(String datatype, String name, int index) {
        if (datatype == null) {
            throw InferenceException.badInput(label(name, index) + " has no datatype");
        }
        return TensorType.of(datatype)
                .orElseThrow(
                        () ->
                                InferenceException.badInput(
                                        ("%s has datatype %s; this worker takes FP32, FP64,"
                                                        + " INT32, INT64, BOOL and BYTES")
                                                .formatted(label(name, index), datatype)));
    }

    private static long[] shape(JsonParser parser, String label) throws IOException {
        expect(parser, JsonToken.START_ARRAY, label + ": shape must be an array of integers");
        long[] dims = new long[4];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
                throw InferenceException.badInput(label + ": shape must hold integers ≥ 0");
            }
            if (n == dims.length) {
                dims = Arrays.copyOf(dims, n * 2);
            }
            dims[n++] = parser.getLongValue();
        }
        return Arrays.copyOf(dims, n);
    }

    /** Elements of an input allocated ahead of its data; the array grows past them. */
    static final int MAX_PREALLOCATED = 1 << 16;

    private static Object data(JsonParser parser, TensorType type, long[] shape, String name)
            throws IOException {
        // The shape sizes the array only up to a point: it is the caller's word, and a few bytes
        // of it ([2000000000]) must not allocate gigabytes ahead of data that is not there.
        int hint = shape == null ? 16 : Math.min(elements(shape, name), MAX_PREALLOCATED);
        PrimitiveBuffer buffer = new PrimitiveBuffer(type, Math.max(1, hint), name);
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            buffer.add(parser);
            return buffer.toArray();
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw InferenceException.badInput("Input '" + name + "': data is cut short");
            }
            switch (token) {
                case START_ARRAY -> depth++;
                case END_ARRAY -> depth--;
                default -> buffer.add(parser);
            }
        }
        return buffer.toArray();
    }

    /** The elements {@code shape} holds; more than an array can is a 400. */
    private static int elements(long[] shape, String name) {
        try {
            long count = Tensor.elementCount(shape);
            if (count <= Integer.MAX_VALUE - 8) {
                return (int) count;
            }
        } catch (ArithmeticException e) {
            // more than a long: too large as well
        }
        throw InferenceException.badInput("Input '" + name + "' is too large");
    }

    private static List<String> outputs(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_ARRAY, "outputs must be an array");
        List<String> names = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser, JsonToken.START_OBJECT, "each output must be an object");
            String name = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("name")) {
                    name = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
            if (name == null) {
                throw InferenceException.badInput(
                        "Requested output " + names.size() + " has no name");
            }
            names.add(name);
        }
        return names;
    }

    private static void expect(JsonParser parser, JsonToken token, String message) {
        if (parser.currentToken() != token) {
            throw InferenceException.badInput(message);
        }
    }
}
