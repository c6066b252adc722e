package org.mlplatform.portal.deployment;

import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import java.util.function.Consumer;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.layout.Notifications;

/**
 * The "Deploy" dialog of the deployments page and of a model's page: {@link DeployForm} fed with
 * the tenant's models and their READY versions, and the deploy call with its errors.
 */
public final class DeployDialog {

    private final ServingApi serving;
    private final ModelRegistryApi registry;
    private final String tenant;
    final Dialog dialog = new Dialog();
    DeployForm form;

    private DeployDialog(ServingApi serving, ModelRegistryApi registry, String tenant) {
        this.serving = serving;
        this.registry = registry;
        this.tenant = tenant;
    }

    /**
     * Opens the dialog, with {@code model} and {@code version} chosen when not null.
     *
     * @param deployed called with the new (PENDING) deployment
     */
    public static void open(
            ServingApi serving,
            ModelRegistryApi registry,
            String tenant,
            String model,
            Integer version,
            Consumer<DeploymentResponse> deployed) {
        new DeployDialog(serving, registry, tenant).show(model, version, deployed);
    }

    private void show(String model, Integer version, Consumer<DeploymentResponse> deployed) {
        List<String> models;
        try {
            models =
                    registry.models(tenant, null, 0, Paging.MAX_SIZE).items().stream()
                            .map(ModelResponse::name)
                            .toList();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        form = new DeployForm(models);
        form.addModelChosenListener(e -> form.showVersions(ready(e.model()), version));
        form.addDeployListener(e -> deploy(e.request(), deployed));
        form.addCancelListener(e -> dialog.close());
        if (model != null) {
            form.model.setValue(model);
        }
        dialog.setHeaderTitle("Deploy a model version");
        dialog.add(form);
        dialog.open();
    }

    private List<Integer> ready(String model) {
        try {
            return registry.versions(tenant, model).stream()
                    .filter(v -> v.status() == ModelVersionStatus.READY)
                    .map(v -> v.version())
                    .toList();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return List.of();
        }
    }

    private void deploy(CreateDeploymentRequest request, Consumer<DeploymentResponse> deployed) {
        DeploymentResponse deployment;
        try {
            deployment = serving.deploy(tenant, request);
        } catch (PlatformApiException e) {
            if (!form.showErrors(e.status(), e.getMessage(), e.fieldErrors())) {
                Notifications.error(e.getMessage());
            }
            return;
        }
        dialog.close();
        Notifications.success(
                request.model() + " v" + request.version() + " is deploying; it serves once READY");
        deployed.accept(deployment);
    }
}
