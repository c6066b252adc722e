package org.mlplatform.portal.deployment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.Map;
import java.util.function.Consumer;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.UpdateDeploymentRequest;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.layout.FieldErrors;
import org.mlplatform.portal.layout.Notifications;

/**
 * Changes a deployment's batching and replicas while it serves, with the limits of {@link
 * DeployDraft} checked before the call and platform-api's refusals shown on their fields.
 */
final class EditDeploymentDialog extends Dialog {

    final IntegerField maxBatchSize = new IntegerField("Max batch size");
    final IntegerField maxBatchDelayMs = new IntegerField("Max batch delay (ms)");
    final IntegerField replicas = new IntegerField("Replicas");
    final Button save = new Button("Save");
    private final BeanValidationBinder<DeployDraft> binder =
            new BeanValidationBinder<>(DeployDraft.class);
    private final ServingApi serving;
    private final String tenant;
    private final DeploymentResponse deployment;

    private EditDeploymentDialog(ServingApi serving, String tenant, DeploymentResponse deployment) {
        this.serving = serving;
        this.tenant = tenant;
        this.deployment = deployment;
    }

    /**
     * Opens the dialog with the deployment's settings.
     *
     * @param saved called with the changed deployment
     */
    static void open(
            ServingApi serving,
            String tenant,
            DeploymentResponse deployment,
            Consumer<DeploymentResponse> saved) {
        new EditDeploymentDialog(serving, tenant, deployment).show(saved);
    }

    private void show(Consumer<DeploymentResponse> saved) {
        maxBatchSize.setId("edit-batch-size");
        maxBatchDelayMs.setId("edit-batch-delay");
        replicas.setId("edit-replicas");
        save.setId("edit-submit");
        maxBatchSize.setHelperText("Applies to the next batch; no reload");
        maxBatchDelayMs.setHelperText("The longest a batch waits to fill while calls overlap");
        replicas.setHelperText("More: further workers load it; fewer: they drop it");
        binder.bindInstanceFields(this);
        DeployDraft draft = new DeployDraft();
        draft.setMaxBatchSize(deployment.maxBatchSize());
        draft.setMaxBatchDelayMs(deployment.maxBatchDelayMs());
        draft.setReplicas(deployment.replicas());
        binder.readBean(draft);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(saved));
        Button cancel = new Button("Cancel", e -> close());
        FormLayout form = new FormLayout(maxBatchSize, maxBatchDelayMs, replicas);
        form.setId("edit-deployment-form");
        setHeaderTitle("Change " + deployment.model() + " v" + deployment.version());
        add(form);
        getFooter().add(cancel, save);
        open();
    }

    private void save(Consumer<DeploymentResponse> saved) {
        DeployDraft draft = new DeployDraft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        DeploymentResponse changed;
        try {
            changed =
                    serving.update(
                            tenant,
                            deployment.id(),
                            new UpdateDeploymentRequest(
                                    draft.getMaxBatchSize(),
                                    draft.getMaxBatchDelayMs(),
                                    draft.getReplicas()));
        } catch (PlatformApiException e) {
            if (!showErrors(e.fieldErrors())) {
                Notifications.error(e.getMessage());
            }
            return;
        }
        close();
        Notifications.success(
                deployment.model()
                        + " v"
                        + deployment.version()
                        + " was changed; workers apply"
                        + " it within seconds");
        saved.accept(changed);
    }

    private boolean showErrors(Map<String, String> fields) {
        return FieldErrors.show(
                fields,
                name ->
                        switch (name) {
                            case "maxBatchSize" -> maxBatchSize;
                            case "maxBatchDelayMs" -> maxBatchDelayMs;
                            case "replicas" -> replicas;
                            default -> null;
                        });
    }
}
