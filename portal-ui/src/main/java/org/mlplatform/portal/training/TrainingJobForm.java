package org.mlplatform.portal.training;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.shared.Registration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.training.Activation;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.layout.DecimalField;
import org.mlplatform.portal.layout.FormActions;

/**
 * A new training job: dataset, task, columns, architecture and hyperparameters with the contract's
 * defaults. Proposes what the dataset's format and profile suggest; fires {@link SubmitEvent} with
 * a valid request and never calls the platform itself.
 */
class TrainingJobForm extends FormLayout {

    final ComboBox<DatasetResponse> dataset = new ComboBox<>("Dataset");
    final Select<TrainingTask> task = new Select<>();
    final ComboBox<String> label = new ComboBox<>("Label column");
    final MultiSelectComboBox<String> features = new MultiSelectComboBox<>("Feature columns");
    final Select<ArchitectureType> architecture = new Select<>();
    final TextField hiddenLayers = new TextField("Hidden layers");
    final Select<Activation> activation = new Select<>();
    final DecimalField dropout = new DecimalField("Dropout");
    final IntegerField inputSize = new IntegerField("Input size (pixels)");
    final Select<Integer> channels = new Select<>();
    final HyperparameterFields hyper = new HyperparameterFields();
    final TextField outputModel = new TextField("Output model");
    final Button submit = new Button("Start training");
    final Button cancel = new Button("Cancel");

    private final BeanValidationBinder<TrainingJobDraft> binder =
            new BeanValidationBinder<>(TrainingJobDraft.class);
    private String proposedOutputModel = "";

    TrainingJobForm(List<DatasetResponse> datasets) {
        setIds();
        configureChoices(datasets);
        bind();
        prefillDefaults();
        add(
                dataset,
                task,
                label,
                features,
                new H3("Architecture"),
                architecture,
                hiddenLayers,
                activation,
                dropout,
                inputSize,
                channels,
                new H3("Hyperparameters"));
        hyper.components().forEach(this::add);
        add(outputModel, buttons());
        setColspan(features, 2);
        listen();
        if (!datasets.isEmpty()) {
            dataset.setValue(datasets.get(0));
        }
    }

    private void setIds() {
        dataset.setId("job-dataset");
        task.setId("job-task");
        label.setId("job-label");
        features.setId("job-features");
        architecture.setId("job-architecture");
        outputModel.setId("job-output-model");
        submit.setId("job-submit");
    }

    private void configureChoices(List<DatasetResponse> datasets) {
        dataset.setItems(datasets);
        dataset.setItemLabelGenerator(d -> d.name() + " (" + d.format().wireName() + ")");
        task.setLabel("Task");
        task.setItemLabelGenerator(TrainingTask::wireName);
        architecture.setLabel("Architecture");
        architecture.setItemLabelGenerator(a -> a.name().toLowerCase(java.util.Locale.ROOT));
        activation.setLabel("Activation");
        activation.setItems(Activation.values());
        activation.setItemLabelGenerator(a -> a.name().toLowerCase(java.util.Locale.ROOT));
        channels.setLabel("Channels");
        channels.setItems(1, 3);
        channels.setItemLabelGenerator(c -> c == 1 ? "1 (grayscale)" : "3 (RGB)");
        hiddenLayers.setHelperText("Widths separated by commas, such as 64,32");
        outputModel.setHelperText("A new version of this model; created if it does not exist");
    }

    private void bind() {
        binder.forField(dataset).bind("dataset");
        binder.forField(task).bind("task");
        binder.forField(label)
                .withValidator(
                        (value, context) -> {
                            if (!tabular()) {
                                return ValidationResult.ok();
                            }
                            if (value == null || value.isBlank()) {
                                return ValidationResult.error("Choose the column to predict");
                            }
                            ColumnType type = DatasetColumns.type(dataset.getValue(), value);
                            return type != null && DatasetColumns.fitsLabel(type, task.getValue())
                                    ? ValidationResult.ok()
                                    : ValidationResult.error(
                                            task.getValue() == TrainingTask.REGRESSION
                                                    ? "Regression needs a NUMERIC label column"
                                                    : "A TEXT column cannot be the label");
                        })
                .bind("labelColumn");
        binder.forField(features)
                .withValidator(v -> !tabular() || !v.isEmpty(), "Choose at least one feature")
                .bind("featureColumns");
        binder.forField(architecture).bind("architecture");
        binder.forField(hiddenLayers)
                .withValidator(
                        v ->
                                !mlp()
                                        || TrainingJobDraft.layers(v).stream()
                                                .allMatch(w -> w >= 1 && w <= 4096),
                        "Each width is 1 to 4096")
                .bind("hiddenLayers");
        binder.forField(activation).bind("activation");
        binder.forField(dropout).bind("dropout");
        binder.forField(inputSize).bind("inputSize");
        binder.forField(channels).bind("channels");
        hyper.bind(binder);
        binder.forField(outputModel).bind("outputModel");
    }

    /** The contract's own defaults, so the form and the API never disagree. */
    private void prefillDefaults() {
        ArchitectureSpec mlp =
                new ArchitectureSpec(ArchitectureType.MLP, null, null, null, null, null)
                        .withDefaults();
        hiddenLayers.setValue(
                String.join(",", mlp.hiddenLayers().stream().map(String::valueOf).toList()));
        activation.setValue(mlp.activation());
        dropout.setValue(mlp.dropout());
        inputSize.setValue(mlp.inputSize());
        channels.setValue(mlp.channels());
    }

    private void listen() {
        dataset.addValueChangeListener(e -> datasetChosen(e.getValue()));
        task.addValueChangeListener(e -> taskChosen(e.getValue()));
        label.addValueChangeListener(e -> labelChosen(e.getValue()));
        architecture.addValueChangeListener(e -> architectureChosen(e.getValue()));
    }

    private void datasetChosen(DatasetResponse chosen) {
        if (chosen == null) {
            return;
        }
        List<TrainingTask> tasks = DatasetColumns.tasks(chosen);
        task.setItems(tasks);
        task.setValue(tasks.get(0));
        proposeOutputModel();
    }

    private void taskChosen(TrainingTask chosen) {
        if (chosen == null) {
            return;
        }
        boolean tabular = chosen != TrainingTask.IMAGE_CLASSIFICATION;
        label.setVisible(tabular);
        features.setVisible(tabular);
        ArchitectureType type = DatasetColumns.architecture(chosen);
        architecture.setItems(type);
        architecture.setValue(type);
        String kept = label.getValue();
        List<String> candidates = DatasetColumns.labels(dataset.getValue(), chosen);
        label.setItems(candidates);
        label.setValue(
                candidates.contains(kept)
                        ? kept
                        : DatasetColumns.proposedLabel(dataset.getValue(), chosen));
    }

    private void labelChosen(String chosen) {
        features.setItems(DatasetColumns.features(dataset.getValue(), chosen));
        features.setValue(
                new LinkedHashSet<>(DatasetColumns.defaultFeatures(dataset.getValue(), chosen)));
    }

    private void architectureChosen(ArchitectureType type) {
        boolean mlp = type == ArchitectureType.MLP;
        hiddenLayers.setVisible(mlp);
        activation.setVisible(mlp);
        dropout.setVisible(mlp);
        inputSize.setVisible(!mlp && type != null);
        channels.setVisible(!mlp && type != null);
        proposeOutputModel();
    }

    /** Follows the dataset and architecture until the user types a name of their own. */
    private void proposeOutputModel() {
        if (dataset.getValue() == null || architecture.getValue() == null) {
            return;
        }
        String current = outputModel.getValue();
        if (current.isBlank() || current.equals(proposedOutputModel)) {
            proposedOutputModel =
                    DatasetColumns.outputModel(dataset.getValue().name(), architecture.getValue());
            outputModel.setValue(proposedOutputModel);
        }
    }

    private boolean tabular() {
        return task.getValue() != null && task.getValue() != TrainingTask.IMAGE_CLASSIFICATION;
    }

    private boolean mlp() {
        return architecture.getValue() == ArchitectureType.MLP;
    }

    private HorizontalLayout buttons() {
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> validateAndSubmit());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        return FormActions.row(this, submit, cancel);
    }

    private void validateAndSubmit() {
        TrainingJobDraft draft = new TrainingJobDraft();
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(new SubmitEvent(this, draft.toRequest()));
        }
    }

    /**
     * Shows platform-api's refusal on the fields it names ({@code hyperparameters.epochs} and
     * {@code featureColumns[2]} name {@code epochs} and {@code featureColumns}).
     *
     * @return the errors no field shows, for a notification
     */
    Map<String, String> showFieldErrors(Map<String, String> errors) {
        Map<String, HasValidation> fields = fieldsByName();
        Map<String, String> unmatched = new HashMap<>();
        errors.forEach(
                (name, message) -> {
                    HasValidation field = fields.get(name.replaceAll("\\[\\d*]$", ""));
                    if (field == null) {
                        unmatched.put(name, message);
                    } else {
                        field.setErrorMessage(message);
                        field.setInvalid(true);
                    }
                });
        return unmatched;
    }

    /**
     * Shows a refusal next to the fields it names: the problem's field errors, or else the field
     * its message starts with (such as "labelColumn: no column 'x'").
     *
     * @return whether every part of it is shown on a field
     */
    boolean showErrors(String message, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            return showFieldErrors(errors).isEmpty();
        }
        if (message == null) {
            return false;
        }
        return fieldsByName().keySet().stream()
                .filter(name -> message.matches("(?s)" + name + "\\b.*"))
                .findFirst()
                .map(name -> showFieldErrors(Map.of(name, message)).isEmpty())
                .orElse(false);
    }

    private Map<String, HasValidation> fieldsByName() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("dataset", dataset);
        fields.put("task", task);
        fields.put("labelColumn", label);
        fields.put("featureColumns", features);
        fields.put("architecture", architecture);
        fields.put("type", architecture);
        fields.put("hiddenLayers", hiddenLayers);
        fields.put("activation", activation);
        fields.put("dropout", dropout);
        fields.put("inputSize", inputSize);
        fields.put("channels", channels);
        hyper.addTo(fields);
        fields.put("outputModel", outputModel);
        return fields;
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class SubmitEvent extends ComponentEvent<TrainingJobForm> {
        private final CreateTrainingJobRequest request;

        SubmitEvent(TrainingJobForm source, CreateTrainingJobRequest request) {
            super(source, false);
            this.request = request;
        }

        CreateTrainingJobRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<TrainingJobForm> {
        CancelEvent(TrainingJobForm source) {
            super(source, false);
        }
    }
}
