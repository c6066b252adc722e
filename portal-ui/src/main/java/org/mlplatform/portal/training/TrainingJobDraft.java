package org.mlplatform.portal.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.contract.training.Activation;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.OptimizerType;
import org.mlplatform.contract.training.TrainingTask;

/**
 * What {@link TrainingJobForm} edits, with the contract's limits as Bean Validation constraints
 * (the form's {@code BeanValidationBinder} reads them). Public with getters and setters because the
 * binder reads it as a Java bean.
 */
public class TrainingJobDraft {

    /** Up to 8 comma-separated layer widths, such as {@code 64,32}. */
    static final String LAYERS = "\\s*\\d{1,4}(\\s*,\\s*\\d{1,4}){0,7}\\s*";

    @NotNull(message = "Choose a dataset")
    private DatasetResponse dataset;

    @NotNull(message = "Choose a task")
    private TrainingTask task;

    private String labelColumn;
    private Set<String> featureColumns = new LinkedHashSet<>();

    @NotNull(message = "Choose an architecture")
    private ArchitectureType architecture;

    @Pattern(regexp = LAYERS, message = "Up to 8 layer widths separated by commas, such as 64,32")
    private String hiddenLayers;

    private Activation activation;

    @DecimalMin(value = "0", message = "At least 0")
    @DecimalMax(value = "1", inclusive = false, message = "Less than 1")
    private Double dropout;

    @Min(value = 8, message = "At least 8")
    @Max(value = 256, message = "At most 256")
    private Integer inputSize;

    private Integer channels;

    @NotNull(message = "Enter the number of epochs")
    @Min(value = 1, message = "At least 1")
    @Max(value = 10_000, message = "At most 10000")
    private Integer epochs;

    @NotNull(message = "Enter a batch size")
    @Min(value = 1, message = "At least 1")
    @Max(value = 4096, message = "At most 4096")
    private Integer batchSize;

    @NotNull(message = "Enter a learning rate")
    @Positive(message = "More than 0")
    @DecimalMax(value = "10", message = "At most 10")
    private Double learningRate;

    @NotNull(message = "Choose an optimizer")
    private OptimizerType optimizer;

    @DecimalMin(value = "0", message = "At least 0")
    @DecimalMax(value = "1", inclusive = false, message = "Less than 1")
    private Double momentum;

    @NotNull(message = "Enter a validation split")
    @DecimalMin(value = "0", message = "At least 0")
    @DecimalMax(value = "0.9", message = "At most 0.9")
    private Double validationSplit;

    @NotNull(message = "Enter a seed")
    private Long seed;

    @Min(value = 0, message = "At least 0")
    @Max(value = 1000, message = "At most 1000")
    private Integer earlyStoppingPatience;

    @NotBlank(message = "Enter the output model's name")
    @Pattern(
            regexp = Slugs.PATTERN,
            message = "3-40 lowercase letters, digits or single hyphens, starting with a letter")
    private String outputModel;

    public DatasetResponse getDataset() {
        return dataset;
    }

    public void setDataset(DatasetResponse dataset) {
        this.dataset = dataset;
    }

    public TrainingTask getTask() {
        return task;
    }

    public void setTask(TrainingTask task) {
        this.task = task;
    }

    public String getLabelColumn() {
        return labelColumn;
    }

    public void setLabelColumn(String labelColumn) {
        this.labelColumn = labelColumn;
    }

    public Set<String> getFeatureColumns() {
        return featureColumns;
    }

    public void setFeatureColumns(Set<String> featureColumns) {
        this.featureColumns = featureColumns;
    }

    public ArchitectureType getArchitecture() {
        return architecture;
    }

    public void setArchitecture(ArchitectureType architecture) {
        this.architecture = architecture;
    }

    public String getHiddenLayers() {
        return hiddenLayers;
    }

    public void setHiddenLayers(String hiddenLayers) {
        this.hiddenLayers = hiddenLayers;
    }

    public Activation getActivation() {
        return activation;
    }

    public void setActivation(Activation activation) {
        this.activation = activation;
    }

    public Double getDropout() {
        return dropout;
    }

    public void setDropout(Double dropout) {
        this.dropout = dropout;
    }

    public Integer getInputSize() {
        return inputSize;
    }

    public void setInputSize(Integer inputSize) {
        this.inputSize = inputSize;
    }

    public Integer getChannels() {
        return channels;
    }

    public void setChannels(Integer channels) {
        this.channels = channels;
    }

    public Integer getEpochs() {
        return epochs;
    }

    public void setEpochs(Integer epochs) {
        this.epochs = epochs;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(Double learningRate) {
        this.learningRate = learningRate;
    }

    public OptimizerType getOptimizer() {
        return optimizer;
    }

    public void setOptimizer(OptimizerType optimizer) {
        this.optimizer = optimizer;
    }

    public Double getMomentum() {
        return momentum;
    }

    public void setMomentum(Double momentum) {
        this.momentum = momentum;
    }

    public Double getValidationSplit() {
        return validationSplit;
    }

    public void setValidationSplit(Double validationSplit) {
        this.validationSplit = validationSplit;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Integer getEarlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    public void setEarlyStoppingPatience(Integer earlyStoppingPatience) {
        this.earlyStoppingPatience = earlyStoppingPatience;
    }

    public String getOutputModel() {
        return outputModel;
    }

    public void setOutputModel(String outputModel) {
        this.outputModel = outputModel;
    }

    /** The request exactly as the form shows it; fields the choices hide are left out. */
    CreateTrainingJobRequest toRequest() {
        TrainingJobDraft d = this;
        boolean tabular = d.getTask() != TrainingTask.IMAGE_CLASSIFICATION;
        ArchitectureSpec spec =
                d.getArchitecture() == ArchitectureType.MLP
                        ? new ArchitectureSpec(
                                ArchitectureType.MLP,
                                layers(d.getHiddenLayers()),
                                d.getActivation(),
                                d.getDropout(),
                                null,
                                null)
                        : new ArchitectureSpec(
                                ArchitectureType.CNN,
                                null,
                                null,
                                null,
                                d.getInputSize(),
                                d.getChannels());
        Hyperparameters hyperparameters =
                new Hyperparameters(
                        d.getEpochs(),
                        d.getBatchSize(),
                        d.getLearningRate(),
                        d.getOptimizer(),
                        d.getOptimizer() == OptimizerType.SGD ? d.getMomentum() : null,
                        d.getValidationSplit(),
                        d.getSeed(),
                        d.getEarlyStoppingPatience());
        Set<String> chosen = d.getFeatureColumns();
        List<String> features =
                tabular
                        ? DatasetColumns.features(d.getDataset(), d.getLabelColumn()).stream()
                                .filter(chosen::contains)
                                .toList()
                        : null;
        return new CreateTrainingJobRequest(
                d.getDataset().name(),
                d.getTask(),
                tabular ? d.getLabelColumn() : null,
                features,
                spec,
                hyperparameters,
                d.getOutputModel().trim(),
                null);
    }

    /** {@code "64, 32"} as [64, 32]; empty when the text is not a list of widths. */
    static List<Integer> layers(String text) {
        if (text == null || !text.matches(LAYERS)) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
