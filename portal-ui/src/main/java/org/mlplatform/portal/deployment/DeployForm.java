package org.mlplatform.portal.deployment;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.portal.layout.FieldErrors;
import org.mlplatform.portal.layout.FormActions;

/**
 * Deploys a READY model version with its batching settings (the contract's defaults prefilled).
 * Choosing a model fires {@link ModelChosenEvent}, and the page answers with {@link #showVersions};
 * a valid form fires {@link DeployEvent}. It never calls the platform itself.
 */
class DeployForm extends FormLayout {

    final ComboBox<String> model = new ComboBox<>("Model");
    final Select<Integer> version = new Select<>();
    final IntegerField maxBatchSize = new IntegerField("Max batch size");
    final IntegerField maxBatchDelayMs = new IntegerField("Max batch delay (ms)");
    final IntegerField replicas = new IntegerField("Replicas");
    final Button deploy = new Button("Deploy");
    final Button cancel = new Button("Cancel");

    private final BeanValidationBinder<DeployDraft> binder =
            new BeanValidationBinder<>(DeployDraft.class);

    DeployForm(List<String> models) {
        setId("deploy-form");
        model.setId("deploy-model");
        version.setId("deploy-version");
        maxBatchSize.setId("deploy-batch-size");
        maxBatchDelayMs.setId("deploy-batch-delay");
        replicas.setId("deploy-replicas");
        deploy.setId("deploy-submit");
        model.setItems(models);
        version.setLabel("Version");
        version.setItemLabelGenerator(v -> "v" + v);
        version.setEmptySelectionAllowed(false);
        maxBatchSize.setHelperText("Requests a worker joins into one forward pass");
        maxBatchDelayMs.setHelperText("The longest a batch waits to fill while calls overlap");
        replicas.setHelperText("Inference workers that serve it");
        binder.bindInstanceFields(this);
        binder.readBean(new DeployDraft());
        model.addValueChangeListener(
                e -> {
                    version.clear();
                    version.setItems(List.of());
                    if (e.getValue() != null) {
                        fireEvent(new ModelChosenEvent(this, e.getValue()));
                    }
                });
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.addClickListener(e -> validateAndDeploy());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        add(model, version, maxBatchSize, maxBatchDelayMs, replicas);
        add(FormActions.row(this, deploy, cancel));
    }

    /** The chosen model's READY versions, newest first; the newest is proposed. */
    void showVersions(List<Integer> ready, Integer preferred) {
        version.setItems(ready);
        version.setHelperText(ready.isEmpty() ? "This model has no READY version yet" : null);
        if (preferred != null && ready.contains(preferred)) {
            version.setValue(preferred);
        } else if (!ready.isEmpty()) {
            version.setValue(ready.get(0));
        }
    }

    private void validateAndDeploy() {
        DeployDraft draft = new DeployDraft();
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(
                    new DeployEvent(
                            this,
                            new CreateDeploymentRequest(
                                    draft.getModel(),
                                    draft.getVersion(),
                                    draft.getMaxBatchSize(),
                                    draft.getMaxBatchDelayMs(),
                                    draft.getReplicas())));
        }
    }

    /**
     * Shows platform-api's refusal: a 409 (not READY, or deployed already) on the version, field
     * errors on their fields.
     *
     * @return whether a field shows it
     */
    boolean showErrors(int status, String message, Map<String, String> fields) {
        if (status == 409 || status == 404) {
            fields = Map.of("version", message);
        }
        return FieldErrors.show(
                fields,
                name ->
                        switch (name) {
                            case "model" -> model;
                            case "version" -> version;
                            case "maxBatchSize" -> maxBatchSize;
                            case "maxBatchDelayMs" -> maxBatchDelayMs;
                            case "replicas" -> replicas;
                            default -> null;
                        });
    }

    Registration addModelChosenListener(ComponentEventListener<ModelChosenEvent> listener) {
        return addListener(ModelChosenEvent.class, listener);
    }

    Registration addDeployListener(ComponentEventListener<DeployEvent> listener) {
        return addListener(DeployEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class ModelChosenEvent extends ComponentEvent<DeployForm> {
        private final String model;

        ModelChosenEvent(DeployForm source, String model) {
            super(source, false);
            this.model = model;
        }

        String model() {
            return model;
        }
    }

    static final class DeployEvent extends ComponentEvent<DeployForm> {
        private final CreateDeploymentRequest request;

        DeployEvent(DeployForm source, CreateDeploymentRequest request) {
            super(source, false);
            this.request = request;
        }

        CreateDeploymentRequest request() {
            return request;
        }
    }

    static final class CancelEvent extends ComponentEvent<DeployForm> {
        CancelEvent(DeployForm source) {
            super(source, false);
        }
    }
}
