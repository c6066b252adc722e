package org.mlplatform.portal.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.converter.StringToLongConverter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.OptimizerType;
import org.mlplatform.portal.layout.DecimalField;

/**
 * The hyperparameter fields of {@link TrainingJobForm}, prefilled with the contract's defaults.
 * Momentum shows for sgd only; switching the optimizer switches an untouched learning rate to the
 * new optimizer's default.
 */
final class HyperparameterFields {

    final IntegerField epochs = new IntegerField("Epochs");
    final IntegerField batchSize = new IntegerField("Batch size");
    final DecimalField learningRate = new DecimalField("Learning rate");
    final Select<OptimizerType> optimizer = new Select<>();
    final DecimalField momentum = new DecimalField("Momentum");
    final DecimalField validationSplit = new DecimalField("Validation split");
    final TextField seed = new TextField("Seed");
    final IntegerField patience = new IntegerField("Early-stopping patience (epochs)");

    HyperparameterFields() {
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerType.values());
        optimizer.setItemLabelGenerator(o -> o.name().toLowerCase(java.util.Locale.ROOT));
        validationSplit.setHelperText("The share of rows held out, 0 to 0.9");
        patience.setHelperText("0 never stops early");
        Hyperparameters defaults = defaults(null);
        epochs.setValue(defaults.epochs());
        batchSize.setValue(defaults.batchSize());
        learningRate.setValue(defaults.learningRate());
        optimizer.setValue(defaults.optimizer());
        momentum.setValue(defaults.momentum());
        validationSplit.setValue(defaults.validationSplit());
        seed.setValue(String.valueOf(defaults.seed()));
        patience.setValue(defaults.earlyStoppingPatience());
        momentum.setVisible(defaults.optimizer() == OptimizerType.SGD);
        optimizer.addValueChangeListener(
                e -> {
                    momentum.setVisible(e.getValue() == OptimizerType.SGD);
                    Double oldDefault = defaults(e.getOldValue()).learningRate();
                    if (Objects.equals(learningRate.getValue(), oldDefault)) {
                        learningRate.setValue(defaults(e.getValue()).learningRate());
                    }
                });
    }

    private static Hyperparameters defaults(OptimizerType optimizer) {
        return new Hyperparameters(null, null, null, optimizer, null, null, null, null)
                .withDefaults();
    }

    void bind(BeanValidationBinder<TrainingJobDraft> binder) {
        binder.forField(epochs).bind("epochs");
        binder.forField(batchSize).bind("batchSize");
        binder.forField(learningRate).bind("learningRate");
        binder.forField(optimizer).bind("optimizer");
        binder.forField(momentum).bind("momentum");
        binder.forField(validationSplit).bind("validationSplit");
        binder.forField(seed)
                .withConverter(new StringToLongConverter("Enter a whole number"))
                .bind("seed");
        binder.forField(patience).bind("earlyStoppingPatience");
    }

    List<Component> components() {
        return List.of(
                epochs,
                batchSize,
                learningRate,
                optimizer,
                momentum,
                validationSplit,
                seed,
                patience);
    }

    /** The fields by the names platform-api's problems use. */
    void addTo(Map<String, HasValidation> fields) {
        fields.put("epochs", epochs);
        fields.put("batchSize", batchSize);
        fields.put("learningRate", learningRate);
        fields.put("optimizer", optimizer);
        fields.put("momentum", momentum);
        fields.put("validationSplit", validationSplit);
        fields.put("seed", seed);
        fields.put("earlyStoppingPatience", patience);
    }
}
