package org.mlplatform.api.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.dataset.Dataset;
import org.mlplatform.api.model.Model;
import org.mlplatform.api.model.ModelVersion;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.ImageClassCount;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.VersionSource;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.TrainingTask;

/**
 * Checks a job request against the dataset's profile and fills in the defaults. Every refusal is a
 * 400 naming the field at fault. The dataset's row stays locked until the transaction ends, so a
 * concurrent delete cannot remove it between this check and the queued job.
 */
@ApplicationScoped
public class TrainingSpecResolver {

    private final TrainingConfig config;

    public TrainingSpecResolver(TrainingConfig config) {
        this.config = config;
    }

    @Transactional(TxType.MANDATORY)
    public TrainingSpec resolve(long tenantId, CreateTrainingJobRequest request) {
        Dataset dataset =
                Dataset.lockByName(tenantId, request.dataset())
                        .orElseThrow(
                                () ->
                                        invalid(
                                                "dataset",
                                                "No dataset '" + request.dataset() + "'."));
        boolean images = dataset.format == DatasetFormat.IMAGE_ZIP;
        if (images != (request.task() == TrainingTask.IMAGE_CLASSIFICATION)) {
            throw invalid(
                    "task",
                    images
                            ? "An image-zip dataset trains image-classification."
                            : "A csv dataset trains classification or regression.");
        }
        ArchitectureSpec architecture = request.architecture().withDefaults();
        ArchitectureType fitting = images ? ArchitectureType.CNN : ArchitectureType.MLP;
        if (architecture.type() != fitting) {
            throw invalid(
                    "architecture.type",
                    images ? "Images train a cnn." : "Tabular data trains an mlp.");
        }
        Hyperparameters hyperparameters =
                (request.hyperparameters() == null
                                ? new Hyperparameters(
                                        null, null, null, null, null, null, null, null)
                                : request.hyperparameters())
                        .withDefaults();
        if (hyperparameters.epochs() > config.maxEpochs()) {
            throw invalid("hyperparameters.epochs", "At most " + config.maxEpochs() + " epochs.");
        }
        if (!request.outputModel().matches(Slugs.PATTERN)) {
            throw invalid(
                    "outputModel",
                    "A model name is 3 to 40 lowercase letters, digits and single hyphens,"
                            + " starting with a letter.");
        }
        Long warmStartVersionId = warmStartVersionId(tenantId, request);
        if (images) {
            List<String> classes =
                    dataset.profile.images().classes().stream()
                            .map(ImageClassCount::name)
                            .sorted()
                            .toList();
            return new TrainingSpec(
                    dataset.name,
                    request.task(),
                    null,
                    null,
                    classes,
                    architecture,
                    hyperparameters,
                    request.outputModel(),
                    request.warmStart(),
                    warmStartVersionId);
        }
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        dataset.profile.csv().columns().forEach(c -> columns.put(c.name(), c));
        ColumnProfile label = label(request, columns);
        List<String> features = features(request, columns, label.name());
        List<String> classes =
                label.type() == ColumnType.CATEGORICAL
                                && request.task() == TrainingTask.CLASSIFICATION
                        ? label.valueCounts().keySet().stream().sorted().toList()
                        : null;
        return new TrainingSpec(
                dataset.name,
                request.task(),
                label.name(),
                features,
                classes,
                architecture,
                hyperparameters,
                request.outputModel(),
                request.warmStart(),
                warmStartVersionId);
    }

    private static ColumnProfile label(
            CreateTrainingJobRequest request, Map<String, ColumnProfile> columns) {
        String name = request.labelColumn();
        if (name == null || name.isBlank()) {
            throw invalid("labelColumn", "A tabular task needs the column to predict.");
        }
        ColumnProfile label = columns.get(name);
        if (label == null) {
            throw invalid("labelColumn", "The dataset has no column '" + name + "'.");
        }
        if (request.task() == TrainingTask.REGRESSION && label.type() != ColumnType.NUMERIC) {
            throw invalid(
                    "labelColumn",
                    "Regression needs a NUMERIC label; '" + name + "' is " + label.type() + ".");
        }
        if (label.type() == ColumnType.TEXT) {
            throw invalid(
                    "labelColumn",
                    "'"
                            + name
                            + "' is TEXT (too many distinct values) and cannot be a class label.");
        }
        return label;
    }

    private static List<String> features(
            CreateTrainingJobRequest request, Map<String, ColumnProfile> columns, String label) {
        List<String> features;
        if (request.featureColumns() == null) {
            features =
                    columns.values().stream()
                            .filter(c -> !c.name().equals(label) && c.type() != ColumnType.TEXT)
                            .map(ColumnProfile::name)
                            .toList();
        } else {
            features = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.featureColumns().size(); i++) {
                String name = request.featureColumns().get(i);
                String field = "featureColumns[" + i + "]";
                if (!columns.containsKey(name)) {
                    throw invalid(field, "The dataset has no column '" + name + "'.");
                }
                if (name.equals(label)) {
                    throw invalid(field, "The label column cannot be a feature.");
                }
                if (!seen.add(name)) {
                    throw invalid(field, "'" + name + "' is named twice.");
                }
                features.add(name);
            }
        }
        if (features.isEmpty()) {
            throw invalid("featureColumns", "At least one feature column is needed.");
        }
        return List.copyOf(features);
    }

    private static Long warmStartVersionId(long tenantId, CreateTrainingJobRequest request) {
        if (request.warmStart() == null) {
            return null;
        }
        String model = request.warmStart().model();
        int number = request.warmStart().version();
        ModelVersion version =
                Model.findByName(tenantId, model)
                        .flatMap(m -> ModelVersion.find(m, number))
                        .orElseThrow(
                                () ->
                                        invalid(
                                                "warmStart",
                                                "No version "
                                                        + number
                                                        + " of model '"
                                                        + model
                                                        + "'."));
        if (version.status != ModelVersionStatus.READY
                || version.source != VersionSource.TRAINING) {
            throw invalid(
                    "warmStart",
                    "Only a READY version that a training job produced can warm-start.");
        }
        return version.id;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(message, List.of(new FieldError(field, message)));
    }
}
