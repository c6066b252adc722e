package org.mlplatform.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.training.Activation;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.OptimizerType;
import org.mlplatform.contract.training.TrainingTask;

class TrainingJobFormTest {

    private final TrainingJobForm form =
            new TrainingJobForm(List.of(Datasets.iris(), Datasets.digits()));
    private final List<CreateTrainingJobRequest> submitted = new ArrayList<>();

    {
        form.addSubmitListener(e -> submitted.add(e.request()));
    }

    @Test
    void shouldProposeTaskAndColumnsFromTheProfile() {
        assertThat(form.dataset.getValue().name()).isEqualTo("iris");
        assertThat(form.task.getValue()).isEqualTo(TrainingTask.CLASSIFICATION);
        assertThat(form.label.getValue()).isEqualTo("species");
        assertThat(form.features.getValue())
                .containsExactlyInAnyOrder("sepal_length", "sepal_width");
        assertThat(form.architecture.getValue()).isEqualTo(ArchitectureType.MLP);
        assertThat(form.hiddenLayers.getValue()).isEqualTo("64,32");
        assertThat(form.hyper.epochs.getValue()).isEqualTo(10);
        assertThat(form.hyper.learningRate.getValue()).isEqualTo(0.001);
        assertThat(form.outputModel.getValue()).isEqualTo("iris-mlp");
    }

    @Test
    void shouldOfferOnlyNumericLabelsForRegression() {
        form.task.setValue(TrainingTask.REGRESSION);

        assertThat(form.label.getValue()).isEqualTo("sepal_width");
        // Categorical columns are features too (one-hot); TEXT ones are not.
        assertThat(form.features.getValue()).containsExactlyInAnyOrder("sepal_length", "species");
    }

    @Test
    void shouldRejectARegressionLabelThatIsNotNumeric() {
        form.task.setValue(TrainingTask.REGRESSION);
        form.label.setValue("species");

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.label.isInvalid()).isTrue();
        assertThat(form.label.getErrorMessage())
                .isEqualTo("Regression needs a NUMERIC label column");
    }

    @Test
    void shouldBuildTheExactRequest() {
        form.features.setValue(java.util.Set.of("sepal_width"));
        form.hiddenLayers.setValue("128, 64,16");
        form.activation.setValue(Activation.TANH);
        form.dropout.setValue(0.25);
        form.hyper.epochs.setValue(30);
        form.hyper.batchSize.setValue(16);
        form.hyper.optimizer.setValue(OptimizerType.SGD);
        form.hyper.momentum.setValue(0.8);
        form.hyper.validationSplit.setValue(0.3);
        form.hyper.seed.setValue("7");
        form.hyper.patience.setValue(5);
        form.outputModel.setValue("flowers");

        form.submit.click();

        assertThat(submitted)
                .containsExactly(
                        new CreateTrainingJobRequest(
                                "iris",
                                TrainingTask.CLASSIFICATION,
                                "species",
                                List.of("sepal_width"),
                                new ArchitectureSpec(
                                        ArchitectureType.MLP,
                                        List.of(128, 64, 16),
                                        Activation.TANH,
                                        0.25,
                                        null,
                                        null),
                                // sgd's default rate replaced adam's, which was untouched
                                new Hyperparameters(
                                        30, 16, 0.01, OptimizerType.SGD, 0.8, 0.3, 7L, 5),
                                "flowers",
                                null));
    }

    @Test
    void shouldSendTheDefaultsUnchangedAndNoMomentumForAdam() {
        form.submit.click();

        assertThat(submitted).hasSize(1);
        CreateTrainingJobRequest request = submitted.get(0);
        assertThat(request.hyperparameters())
                .isEqualTo(
                        new Hyperparameters(10, 32, 0.001, OptimizerType.ADAM, null, 0.2, 42L, 0));
        assertThat(request.featureColumns()).containsExactly("sepal_length", "sepal_width");
    }

    @Test
    void shouldTrainACnnOnAnImageDatasetWithoutColumns() {
        form.dataset.setValue(Datasets.digits());

        assertThat(form.task.getValue()).isEqualTo(TrainingTask.IMAGE_CLASSIFICATION);
        assertThat(form.architecture.getValue()).isEqualTo(ArchitectureType.CNN);
        assertThat(form.label.isVisible()).isFalse();
        assertThat(form.hiddenLayers.isVisible()).isFalse();
        assertThat(form.outputModel.getValue()).isEqualTo("digits-2025-cnn");

        form.submit.click();

        assertThat(submitted).hasSize(1);
        CreateTrainingJobRequest request = submitted.get(0);
        assertThat(request.labelColumn()).isNull();
        assertThat(request.featureColumns()).isNull();
        assertThat(request.architecture())
                .isEqualTo(new ArchitectureSpec(ArchitectureType.CNN, null, null, null, 32, 3));
    }

    @Test
    void shouldKeepAnOutputModelNameTheUserTyped() {
        form.outputModel.setValue("my-model");

        form.dataset.setValue(Datasets.digits());

        assertThat(form.outputModel.getValue()).isEqualTo("my-model");
    }

    @Test
    void shouldRefuseBadHyperparametersBeforeSending() {
        form.hyper.epochs.setValue(0);
        form.hiddenLayers.setValue("64;32");
        form.hyper.validationSplit.setValue(0.95);
        form.outputModel.setValue("Not A Slug");

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.hyper.epochs.isInvalid()).isTrue();
        assertThat(form.hiddenLayers.isInvalid()).isTrue();
        assertThat(form.hyper.validationSplit.isInvalid()).isTrue();
        assertThat(form.outputModel.isInvalid()).isTrue();
    }

    @Test
    void shouldShowTheApisFieldErrorsOnTheirFields() {
        Map<String, String> unmatched =
                form.showFieldErrors(
                        Map.of(
                                "labelColumn", "no column \"specis\"",
                                "featureColumns[1]", "TEXT columns cannot be features",
                                "warmStart", "no such version"));

        assertThat(form.label.getErrorMessage()).isEqualTo("no column \"specis\"");
        assertThat(form.features.getErrorMessage()).isEqualTo("TEXT columns cannot be features");
        assertThat(unmatched).containsOnlyKeys("warmStart");
    }

    @Test
    void shouldPutAProblemWhoseMessageStartsWithAFieldOnThatField() {
        boolean shown = form.showErrors("labelColumn: unknown column 'x'", Map.of());

        assertThat(shown).isTrue();
        assertThat(form.label.getErrorMessage()).isEqualTo("labelColumn: unknown column 'x'");
        assertThat(form.showErrors("The dataset quota is spent.", Map.of())).isFalse();
    }
}
