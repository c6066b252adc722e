package org.mlplatform.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request parsing and answer writing for every datatype, flat and nested data, and errors. */
class InferCodecTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldParseEveryDatatypeIntoPrimitiveArrays() {
        InferRequestParser.Parsed parsed =
                parse(
                        """
                        {"id": "r-1", "parameters": {"x": [1, {"y": 2}]}, "inputs": [
                          {"name": "f32", "shape": [2, 2], "datatype": "FP32",
                           "data": [[1.5, -2], [3, 4.25]]},
                          {"name": "f64", "shape": [2], "datatype": "FP64",
                           "data": [0.1, 1e300]},
                          {"name": "i32", "shape": [3], "datatype": "INT32",
                           "data": [-2147483648, 0, 2147483647]},
                          {"name": "i64", "shape": [2], "datatype": "INT64",
                           "data": [9007199254740993, -9223372036854775808]},
                          {"name": "b", "shape": [1, 2], "datatype": "BOOL", "data": [true, false]},
                          {"name": "s", "shape": [2], "datatype": "BYTES", "data": ["a", "ü"]},
                          {"data": [7, 8], "name": "late", "shape": [2], "datatype": "INT64"}
                        ], "outputs": [{"name": "y", "parameters": {}}]}
                        """);

        assertThat(parsed.id()).isEqualTo("r-1");
        assertThat(parsed.outputs()).containsExactly("y");
        List<Tensor> in = parsed.inputs();
        assertThat((float[]) in.get(0).data()).containsExactly(1.5f, -2f, 3f, 4.25f);
        assertThat(in.get(0).shape()).containsExactly(2, 2);
        assertThat((double[]) in.get(1).data()).containsExactly(0.1, 1e300);
        assertThat((int[]) in.get(2).data())
                .containsExactly(Integer.MIN_VALUE, 0, Integer.MAX_VALUE);
        assertThat((long[]) in.get(3).data()).containsExactly(9007199254740993L, Long.MIN_VALUE);
        assertThat((boolean[]) in.get(4).data()).containsExactly(true, false);
        assertThat((String[]) in.get(5).data()).containsExactly("a", "ü");
        assertThat((long[]) in.get(6).data()).containsExactly(7L, 8L);
        assertThat(in)
                .extracting(Tensor::datatype)
                .containsExactly("FP32", "FP64", "INT32", "INT64", "BOOL", "BYTES", "INT64");
    }

    @Test
    void shouldWriteEveryDatatypeBack() throws Exception {
        byte[] answer =
                InferResponseWriter.answer(
                        "iris",
                        "3",
                        "r-9",
                        List.of(
                                new Tensor("f32", "FP32", new long[] {2}, new float[] {0.5f, -1f}),
                                new Tensor("f64", "FP64", new long[] {1}, new double[] {0.1}),
                                new Tensor("i32", "INT32", new long[] {1}, new int[] {-3}),
                                new Tensor("i64", "INT64", new long[] {1}, new long[] {1L << 60}),
                                new Tensor("b", "BOOL", new long[] {1}, new boolean[] {true}),
                                new Tensor("s", "BYTES", new long[] {1}, new String[] {"x\"y"})));

        JsonNode body = json.readTree(answer);
        assertThat(body.path("model_name").asText()).isEqualTo("iris");
        assertThat(body.path("model_version").asText()).isEqualTo("3");
        assertThat(body.path("id").asText()).isEqualTo("r-9");
        JsonNode outputs = body.path("outputs");
        assertThat(outputs.get(0).toString())
                .isEqualTo(
                        "{\"name\":\"f32\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[0.5,-1.0]}");
        assertThat(outputs.get(1).path("data").get(0).asDouble()).isEqualTo(0.1);
        assertThat(outputs.get(2).path("data").get(0).asInt()).isEqualTo(-3);
        assertThat(outputs.get(3).path("data").get(0).asLong()).isEqualTo(1L << 60);
        assertThat(outputs.get(4).path("data").get(0).asBoolean()).isTrue();
        assertThat(outputs.get(5).path("data").get(0).asText()).isEqualTo("x\"y");
    }

    @Test
    void shouldWriteNonFiniteOutputsAsTheirNamesSinceJsonHasNoSuchNumbers() throws Exception {
        byte[] answer =
                InferResponseWriter.answer(
                        "m",
                        "1",
                        null,
                        List.of(
                                new Tensor(
                                        "f32",
                                        "FP32",
                                        new long[] {4},
                                        new float[] {
                                            Float.NaN,
                                            Float.POSITIVE_INFINITY,
                                            Float.NEGATIVE_INFINITY,
                                            Float.MAX_VALUE
                                        }),
                                new Tensor(
                                        "f64",
                                        "FP64",
                                        new long[] {3},
                                        new double[] {
                                            Double.NEGATIVE_INFINITY, Double.NaN, Double.MAX_VALUE
                                        })));

        // Strict JSON: a parser that refuses bare NaN and Infinity tokens still reads the answer.
        JsonNode outputs = json.readTree(answer).path("outputs");
        assertThat(outputs.get(0).path("data").toString())
                .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\",3.4028235E38]");
        assertThat(outputs.get(1).path("data").toString())
                .isEqualTo("[\"-Infinity\",\"NaN\",1.7976931348623157E308]");
    }

    @Test
    void shouldNameTheInputWhoseShapeDoesNotMatchItsData() {
        assertBadInput(
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[2,4],\"datatype\":\"FP32\","
                        + "\"data\":[1,2,3]}]}",
                "Input 'input' has shape [2, 4] (8 elements) but 3 data elements");
    }

    @Test
    void shouldRejectAShapeOfMoreElementsThanAnArrayHolds() {
        // 3037000500² is just past Long.MAX_VALUE: a product that wrapped would be negative.
        assertBadInput(
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[3037000500,3037000500],"
                        + "\"datatype\":\"FP32\",\"data\":[1]}]}",
                "Input 'input' is too large");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"data\":[1],"
                        + "\"shape\":[3037000500,3037000500]}]}",
                "Input 'input' is too large");
    }

    @Test
    void shouldNotAllocateWhatAShapeClaimsAheadOfItsData() {
        // Two billion FP64 elements are 16 GB: allocated at the shape's word, a few bytes of
        // request would take more heap than there is.
        for (String data : new String[] {"[]", "[1,2,3]"}) {
            assertBadInput(
                    "{\"inputs\":[{\"name\":\"input\",\"shape\":[2000000000],"
                            + "\"datatype\":\"FP64\",\"data\":"
                            + data
                            + "}]}",
                    "Input 'input' has shape [2000000000] (2000000000 elements) but");
        }
        // A tensor past the preallocated part still parses whole.
        int n = InferRequestParser.MAX_PREALLOCATED * 3 + 5;
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        InferRequestParser.Parsed parsed =
                parse(
                        "{\"inputs\":[{\"name\":\"input\",\"shape\":["
                                + n
                                + "],\"datatype\":\"INT32\",\"data\":["
                                + values
                                + "]}]}");
        int[] parsedValues = (int[]) parsed.inputs().get(0).data();
        assertThat(parsedValues).hasSize(n);
        assertThat(parsedValues[n - 1]).isEqualTo(n - 1);
    }

    @Test
    void shouldRejectDataThatIsNotOfTheDatatype() {
        assertBadInput(
                "{\"inputs\":[{\"name\":\"n\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":[1.5]}]}",
                "Input 'n' is INT64: its data must be integers");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"n\",\"shape\":[1],\"datatype\":\"INT32\","
                        + "\"data\":[3000000000]}]}",
                "outside the 32-bit range");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"f\",\"shape\":[1],\"datatype\":\"FP32\","
                        + "\"data\":[1e39]}]}",
                "Input 'f' (FP32) has a value outside the FP32 range");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"d\",\"shape\":[1],\"datatype\":\"FP64\","
                        + "\"data\":[-1e400]}]}",
                "Input 'd' (FP64) has a value outside the FP64 range");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"b\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[1]}]}",
                "must be true or false");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"s\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[1]}]}",
                "must be strings");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP8\",\"data\":[1]}]}",
                "Input 'x' has datatype FP8");
    }

    @Test
    void shouldRejectMalformedRequests() {
        assertBadInput("{\"inputs\": [", "not valid JSON");
        assertBadInput("[]", "not a JSON object");
        assertBadInput("{}", "no inputs");
        assertBadInput(
                "{\"inputs\":[{\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}",
                "Input 0 has no name");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"data\":[1]}]}",
                "Input 'x' has no shape");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"data\":[1]}]}",
                "Input 'x' has no datatype");
        assertBadInput(
                "{\"inputs\":[{\"name\":\"x\",\"shape\":[-1],\"datatype\":\"FP32\"}]}",
                "integers ≥ 0");
        String one = "{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}";
        assertBadInput("{\"inputs\":[" + one + "," + one + "]}", "Input 'x' is given twice");
        assertBadInput("{\"inputs\":[" + one + "]} {}", "more after its JSON object");
        assertBadInput("{\"inputs\":[" + one + "]}]", "not valid JSON");
        assertBadInput("{\"id\":{\"a\":1},\"inputs\":[" + one + "]}", "id must be a string");
        assertBadInput("{\"id\":[\"a\"],\"inputs\":[" + one + "]}", "id must be a string");
        assertThat(parse("{\"id\":7,\"inputs\":[" + one + "]}\n").id()).isEqualTo("7");
    }

    private static InferRequestParser.Parsed parse(String body) {
        return InferRequestParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBadInput(String body, String message) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(
                        InferenceException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }
}
