package org.mlplatform.worker.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mlplatform.worker.validation.ModelFixtures.bytes;
import static org.mlplatform.worker.validation.ModelFixtures.text;
import static org.mlplatform.worker.validation.ModelFixtures.write;
import static org.mlplatform.worker.validation.ModelFixtures.zip;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.FakePlatformApi;

/** Validates real models (see src/test/resources/models/README.md) with the real engines. */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class ModelValidatorTest {

    @Inject ModelValidator validator;
    @Inject WorkerConfig config;

    @TempDir Path dir;

    @Test
    void shouldReportOnnxSignatureAndRunTrialInference() throws Exception {
        Path onnx = write(dir, "tiny-mlp.onnx", bytes("tiny-mlp.onnx"));

        ModelValidationResult result = validator.validateFile(onnx, ModelFormat.ONNX);

        assertThat(result.failureReason()).isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.engine()).isEqualTo("OnnxRuntime");
        assertThat(result.signature().inputs())
                .containsExactly(new TensorSpec("input", "float32", List.of(-1L, 4L)));
        assertThat(result.signature().outputs())
                .containsExactly(new TensorSpec("logits", "float32", List.of(-1L, 3L)));
        assertThat(result.inferenceMillis()).isNotNull().isNotNegative();
        assertThat(result.loadMillis()).isNotNegative();
    }

    @Test
    void shouldComputeTheExpectedOutputsWithBothEngines() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(bytes("tiny-mlp-expected.json"));
        float[] input = floats(expected.path("input"));
        float[] logits = floats(expected.path("logits"));

        assertThat(predict(write(dir, "m.onnx", bytes("tiny-mlp.onnx")), "OnnxRuntime", input))
                .containsExactly(logits, within(1e-5f));
        assertThat(predict(write(dir, "m.pt", bytes("tiny-mlp.pt")), "PyTorch", input))
                .containsExactly(logits, within(1e-5f));
    }

    @Test
    void shouldLoadTorchScriptWithoutDeclaredShapes() throws Exception {
        Path pt = write(dir, "tiny-mlp.pt", bytes("tiny-mlp.pt"));

        ModelValidationResult result = validator.validateFile(pt, ModelFormat.TORCHSCRIPT);

        assertThat(result.failureReason()).isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.engine()).isEqualTo("PyTorch");
        assertThat(result.signature().inputs()).isNotEmpty();
        assertThat(result.signature().inputs().get(0).shape()).isNull();
        assertThat(result.inferenceMillis()).isNull();
    }

    @Test
    void shouldLoadAndRunDjlArchiveWithDeclaredShapes() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("tiny-mlp/", new byte[0]);
        entries.put("tiny-mlp/tiny-mlp.pt", bytes("tiny-mlp.pt"));
        entries.put(
                "tiny-mlp/serving.properties",
                text(
                        "engine=PyTorch\noption.modelName=tiny-mlp\noption.inputNames=features\n"
                                + "option.inputShapes=-1,4\noption.inputDataTypes=float32\n"));
        Path archive = write(dir, "tiny-mlp.zip", zip(entries));

        ModelValidationResult result = validator.validateFile(archive, ModelFormat.DJL);

        assertThat(result.failureReason()).isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.engine()).isEqualTo("PyTorch");
        assertThat(result.signature().inputs())
                .containsExactly(new TensorSpec("features", "float32", List.of(-1L, 4L)));
        assertThat(result.signature().outputs()).hasSize(1);
        assertThat(result.signature().outputs().get(0).dataType()).isEqualTo("float32");
        assertThat(result.signature().outputs().get(0).shape()).containsExactly(1L, 3L);
        assertThat(result.inferenceMillis()).isNotNull();
    }

    @Test
    void shouldLoadOnnxFromDjlArchiveWithOnnxRuntime() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("tiny-mlp.onnx", bytes("tiny-mlp.onnx"));
        entries.put("serving.properties", text("engine=OnnxRuntime\n"));
        Path archive = write(dir, "onnx.zip", zip(entries));

        ModelValidationResult result = validator.validateFile(archive, ModelFormat.DJL);

        assertThat(result.failureReason()).isNull();
        assertThat(result.engine()).isEqualTo("OnnxRuntime");
        assertThat(result.signature().outputs())
                .containsExactly(new TensorSpec("logits", "float32", List.of(-1L, 3L)));
    }

    @Test
    void shouldRejectArchiveEntriesOutsideItsDirectory() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../evil.pt", bytes("tiny-mlp.pt"));
        Path archive = write(dir, "evil.zip", zip(entries));

        ModelValidationResult result = validator.validateFile(archive, ModelFormat.DJL);

        assertThat(result.valid()).isFalse();
        assertThat(result.failureReason())
                .startsWith("The DJL model archive cannot be used")
                .contains("outside its own directory");
        assertThat(dir.resolve("evil.pt")).doesNotExist();
        assertThat(dir.getParent().resolve("evil.pt")).doesNotExist();
    }

    @Test
    void shouldReportRandomBytesAsInvalidOnnx() throws Exception {
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        noise[0] = 0x08; // looks like protobuf at first glance, so ONNX Runtime gets to parse it
        noise[1] = 0x07;
        Path file = write(dir, "noise.onnx", noise);

        ModelValidationResult result = validator.validateFile(file, ModelFormat.ONNX);

        assertThat(result.valid()).isFalse();
        assertThat(result.signature()).isNull();
        assertThat(result.failureReason())
                .startsWith(
                        "The file is not a valid ONNX model (the ONNX Runtime could not parse"
                                + " it): ")
                .doesNotContain(dir.toString());
    }

    @Test
    void shouldReportTruncatedTorchScript() throws Exception {
        byte[] pt = bytes("tiny-mlp.pt");
        Path file = write(dir, "truncated.pt", Arrays.copyOf(pt, pt.length / 2));

        ModelValidationResult result = validator.validateFile(file, ModelFormat.TORCHSCRIPT);

        assertThat(result.valid()).isFalse();
        assertThat(result.failureReason())
                .startsWith("The file is not a TorchScript archive saved with torch.jit.save: ");
    }

    @Test
    void shouldNameTheFormatOfOnnxUploadedAsTorchScript() throws Exception {
        Path file = write(dir, "model.pt", bytes("tiny-mlp.onnx"));

        ModelValidationResult result = validator.validateFile(file, ModelFormat.TORCHSCRIPT);

        assertThat(result.valid()).isFalse();
        assertThat(result.failureReason())
                .contains("not a TorchScript archive saved with torch.jit.save")
                .contains("looks like an ONNX model")
                .contains("format onnx");
    }

    @Test
    void shouldNameTheFormatOfTorchScriptUploadedAsOnnx() throws Exception {
        Path file = write(dir, "model.onnx", bytes("tiny-mlp.pt"));

        ModelValidationResult result = validator.validateFile(file, ModelFormat.ONNX);

        assertThat(result.valid()).isFalse();
        assertThat(result.failureReason()).contains("not an ONNX model").contains("zip archive");
    }

    @Test
    void shouldSayWhenAnOperatorIsNotSupported() throws Exception {
        Path file = write(dir, "unknown-op.onnx", bytes("unknown-op.onnx"));

        ModelValidationResult result = validator.validateFile(file, ModelFormat.ONNX);

        assertThat(result.valid()).isFalse();
        assertThat(result.failureReason())
                .contains("operator or opset")
                .contains("does not support")
                .contains("Frobnicate");
    }

    @Test
    void shouldLeaveNoTemporaryFilesBehind() throws Exception {
        Path workDir = Path.of(config.workDir());
        Map<String, byte[]> entries = Map.of("tiny-mlp.pt", bytes("tiny-mlp.pt"));
        Path archive = write(dir, "plain.zip", zip(entries));

        validator.validateFile(archive, ModelFormat.DJL);

        try (var left = Files.list(workDir)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("validate-")))
                    .isEmpty();
        }
    }

    private static float[] predict(Path model, String engine, float[] input) throws Exception {
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(model)
                        .optEngine(engine)
                        .optTranslator(new NoopTranslator())
                        .build();
        try (ZooModel<NDList, NDList> loaded = criteria.loadModel();
                Predictor<NDList, NDList> predictor = loaded.newPredictor();
                NDManager manager = loaded.getNDManager().newSubManager()) {
            NDArray x = manager.create(input, new Shape(input.length / 4, 4));
            x.setName("input");
            return predictor.predict(new NDList(x)).singletonOrThrow().toFloatArray();
        }
    }

    private static float[] floats(JsonNode rows) {
        List<Float> values = new java.util.ArrayList<>();
        rows.forEach(row -> row.forEach(v -> values.add(v.floatValue())));
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
