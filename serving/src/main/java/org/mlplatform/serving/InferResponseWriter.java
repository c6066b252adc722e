package org.mlplatform.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes answers and errors of the protocol with Jackson's streaming generator. */
final class InferResponseWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private InferResponseWriter() {}

    /** The answer: {@code model_name}, {@code model_version}, {@code id} (if any), outputs. */
    static byte[] answer(String modelName, String modelVersion, String id, List<Tensor> outputs) {
        int estimate = 128;
        for (Tensor t : outputs) {
            estimate += 64 + TensorType.length(t.data()) * 12;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate);
        try (JsonGenerator out = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeStringField("model_name", modelName);
            out.writeStringField("model_version", modelVersion);
            if (id != null) {
                out.writeStringField("id", id);
            }
            out.writeArrayFieldStart("outputs");
            for (Tensor tensor : outputs) {
                write(out, tensor);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code {"error": message}}. */
    static byte[] error(String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator out = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeStringField("error", message);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator out, Tensor tensor) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", tensor.name());
        out.writeStringField("datatype", tensor.datatype());
        out.writeArrayFieldStart("shape");
        for (long d : tensor.shape()) {
            out.writeNumber(d);
        }
        out.writeEndArray();
        out.writeFieldName("data");
        Object data = tensor.data();
        switch (TensorType.valueOf(tensor.datatype())) {
            case FP32 -> {
                float[] values = (float[]) data;
                out.writeStartArray(values, values.length);
                for (float v : values) {
                    out.writeNumber(v);
                }
                out.writeEndArray();
            }
            case FP64 -> out.writeArray((double[]) data, 0, ((double[]) data).length);
            case INT32 -> out.writeArray((int[]) data, 0, ((int[]) data).length);
            case INT64 -> out.writeArray((long[]) data, 0, ((long[]) data).length);
            case BOOL -> {
                out.writeStartArray();
                for (boolean v : (boolean[]) data) {
                    out.writeBoolean(v);
                }
                out.writeEndArray();
            }
            case BYTES -> out.writeArray((String[]) data, 0, ((String[]) data).length);
        }
        out.writeEndObject();
    }
}
