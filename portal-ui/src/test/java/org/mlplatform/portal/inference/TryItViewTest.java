package org.mlplatform.portal.inference;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.inference.InferInput;
import org.mlplatform.contract.inference.InferOutput;
import org.mlplatform.contract.inference.InferRequest;
import org.mlplatform.contract.inference.InferResponse;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.FakeDeployments.InferCall;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.DecimalField;

class TryItViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    private TryItView open(String model) {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/models/" + model + "/try");
        return _get(TryItView.class);
    }

    /** A trained tabular classifier: two numeric columns and one categorical, deployed READY. */
    private void trainedIris() {
        platform.models.model("acme", "iris", null, ModelTask.TABULAR_CLASSIFICATION);
        UUID job =
                platform.training
                        .job("acme", JobStatus.SUCCEEDED, TrainingTask.CLASSIFICATION, 0, null)
                        .id();
        platform.models.trainedVersion("acme", "iris", job, Map.of());
        replaceSignature(
                "iris",
                new ModelSignature(
                        List.of(
                                new TensorSpec("sepal_length", "float32", List.of(-1L)),
                                new TensorSpec("petal_width", "float32", List.of(-1L)),
                                new TensorSpec("soil", "string", List.of(-1L))),
                        List.of(
                                new TensorSpec("label", "string", List.of(-1L)),
                                new TensorSpec("probabilities", "float32", List.of(-1L, 3L)))));
        platform.deployments.deployment("acme", "iris", 1, DeploymentStatus.READY, null);
    }

    private void replaceSignature(String model, ModelSignature signature) {
        var list = platform.models.versions.get("acme/" + model);
        var v = list.get(0);
        list.set(
                0,
                new org.mlplatform.contract.model.ModelVersionResponse(
                        v.model(),
                        v.version(),
                        v.status(),
                        v.format(),
                        v.sizeBytes(),
                        v.sha256(),
                        signature,
                        null,
                        v.source(),
                        v.trainingJobId(),
                        v.metrics(),
                        v.createdAt(),
                        v.validatedAt()));
    }

    @Test
    void shouldBuildAFieldPerFeatureColumnAndSendOneRow() {
        trainedIris();
        platform.deployments.answer =
                new InferResponse(
                        "iris",
                        "1",
                        null,
                        null,
                        List.of(
                                new InferOutput(
                                        "label", List.of(1L), "BYTES", null, List.of("virginica")),
                                new InferOutput(
                                        "probabilities",
                                        List.of(1L, 3L),
                                        "FP32",
                                        null,
                                        List.of(0.1, 0.2, 0.7))));
        TryItView view = open("iris");

        assertThat(view.form.kind).isEqualTo(InputKind.TABULAR);
        assertThat(view.form.columns).containsOnlyKeys("sepal_length", "petal_width", "soil");
        assertThat(view.form.columns.get("sepal_length")).isInstanceOf(DecimalField.class);
        assertThat(view.form.columns.get("soil")).isInstanceOf(TextField.class);
        _setValue((DecimalField) view.form.columns.get("sepal_length"), 5.1);
        _setValue((DecimalField) view.form.columns.get("petal_width"), 1.8);
        _setValue((TextField) view.form.columns.get("soil"), "clay");
        _click(view.form.send);

        assertThat(platform.deployments.inferCalls)
                .containsExactly(
                        new InferCall(
                                "acme",
                                "iris",
                                1,
                                new InferRequest(
                                        null,
                                        null,
                                        List.of(
                                                new InferInput(
                                                        "sepal_length",
                                                        List.of(1L),
                                                        "FP32",
                                                        null,
                                                        List.of(5.1)),
                                                new InferInput(
                                                        "petal_width",
                                                        List.of(1L),
                                                        "FP32",
                                                        null,
                                                        List.of(1.8)),
                                                new InferInput(
                                                        "soil",
                                                        List.of(1L),
                                                        "BYTES",
                                                        null,
                                                        List.of("clay"))),
                                        null)));
        assertThat(view.result.label.getText()).isEqualTo("Label: virginica");
        assertThat(_find(view.result.probabilities, Div.class, spec -> spec.withClasses("bar-row")))
                .hasSize(3)
                .last()
                .satisfies(
                        row ->
                                assertThat(row.getElement().getTextRecursively())
                                        .isEqualTo("virginica70 %"));
        assertThat(view.result.raw.getText()).contains("virginica").contains("0.7");
    }

    @Test
    void shouldAskForEveryNumberBeforeSending() {
        trainedIris();
        TryItView view = open("iris");

        _setValue((DecimalField) view.form.columns.get("sepal_length"), 5.1);
        _click(view.form.send);

        assertThat(platform.deployments.inferCalls).isEmpty();
        assertThat(((DecimalField) view.form.columns.get("petal_width")).isInvalid()).isTrue();
    }

    @Test
    void shouldShowWhyACallFailedReadably() {
        trainedIris();
        platform.deployments.inferFailure =
                new PlatformApiException(503, "No inference worker is serving iris v1 right now.");
        TryItView view = open("iris");
        view.form.columns.values().forEach(f -> {});
        _setValue((DecimalField) view.form.columns.get("sepal_length"), 5.1);
        _setValue((DecimalField) view.form.columns.get("petal_width"), 1.8);
        _click(view.form.send);

        assertThat(view.result.error.getText())
                .isEqualTo("No inference worker is serving iris v1 right now.");
        assertThat(view.result.error.isAttached()).isTrue();
    }

    @Test
    void shouldSendAnUploadedImageAsBase64Bytes() {
        platform.models.model("acme", "digits", null, ModelTask.IMAGE_CLASSIFICATION);
        platform.models.trainedVersion("acme", "digits", new java.util.UUID(0, 2), Map.of());
        replaceSignature(
                "digits",
                new ModelSignature(
                        List.of(new TensorSpec("image", "float32", List.of(-1L, 1L, 28L, 28L))),
                        List.of(new TensorSpec("label", "string", List.of(-1L)))));
        platform.deployments.deployment("acme", "digits", 1, DeploymentStatus.READY, null);
        platform.deployments.answer =
                new InferResponse(
                        "digits",
                        "1",
                        null,
                        null,
                        List.of(
                                new InferOutput(
                                        "label", List.of(1L), "BYTES", null, List.of("7"))));
        TryItView view = open("digits");
        assertThat(view.form.kind).isEqualTo(InputKind.IMAGE);
        assertThat(_find(view, Upload.class)).hasSize(1);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        view.form.imageReceived("seven.png", png);
        _click(view.form.send);

        InferInput sent = platform.deployments.inferCalls.get(0).request().inputs().get(0);
        assertThat(sent)
                .isEqualTo(
                        new InferInput(
                                "image",
                                List.of(1L),
                                "BYTES",
                                Map.of("content_type", "base64"),
                                List.of(Base64.getEncoder().encodeToString(png))));
        assertThat(view.result.label.getText()).isEqualTo("Label: 7");
    }

    @Test
    void shouldPrefillARawRequestWithZerosOfTheSignatureAndSendIt() {
        platform.models.model("acme", "resnet", null, ModelTask.OTHER);
        platform.models.version(
                "acme",
                "resnet",
                ModelVersionStatus.READY,
                new ModelSignature(
                        List.of(new TensorSpec("input", "float32", List.of(-1L, 2L))),
                        List.of(new TensorSpec("output", "float32", List.of(-1L, 2L)))),
                null);
        platform.deployments.deployment("acme", "resnet", 1, DeploymentStatus.READY, null);
        platform.deployments.answer =
                new InferResponse(
                        "resnet",
                        "1",
                        null,
                        null,
                        List.of(
                                new InferOutput(
                                        "output",
                                        List.of(1L, 2L),
                                        "FP32",
                                        null,
                                        List.of(0.5, -0.5))));
        TryItView view = open("resnet");
        assertThat(view.form.kind).isEqualTo(InputKind.RAW);
        assertThat(view.form.json.getValue().replaceAll("\\s", ""))
                .isEqualTo(
                        "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,2],\"datatype\":\"FP32\","
                                + "\"data\":[0.0,0.0]}]}");

        _click(view.form.send);

        assertThat(platform.deployments.inferCalls.get(0).request().inputs())
                .containsExactly(
                        new InferInput("input", List.of(1L, 2L), "FP32", null, List.of(0.0, 0.0)));
        assertThat(view.result.raw.getText()).contains("-0.5");
    }

    @Test
    void shouldExplainJsonThatIsNotARequest() {
        platform.models.model("acme", "resnet", null, ModelTask.OTHER);
        platform.models.version(
                "acme",
                "resnet",
                ModelVersionStatus.READY,
                new ModelSignature(List.of(), List.of()),
                null);
        platform.deployments.deployment("acme", "resnet", 1, DeploymentStatus.READY, null);
        TryItView view = open("resnet");

        _setValue(view.form.json, "{\"inputs\": [");
        _click(view.form.send);

        assertThat(platform.deployments.inferCalls).isEmpty();
        assertThat(view.form.json.isInvalid()).isTrue();
        assertThat(view.form.json.getErrorMessage()).startsWith("Not valid JSON");
    }

    @Test
    void shouldSaySoWhenNothingIsDeployed() {
        platform.models.model("acme", "iris", null, ModelTask.TABULAR_CLASSIFICATION);
        platform.deployments.deployment("acme", "iris", 1, DeploymentStatus.PENDING, null);

        TryItView view = open("iris");

        assertThat(view.getElement().getTextRecursively()).contains("Nothing to try yet");
        assertThat(view.form).isNull();
    }
}
