package org.mlplatform.portal.inference;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Comparator;
import java.util.List;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.inference.InferRequest;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.api.TrainingApi;
import org.mlplatform.portal.deployment.DeploymentsView;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/**
 * "Try it": calls a deployed version of a model through the platform's gateway with a form built
 * from the version's signature, and shows what it answers. Every member may try; calls count as
 * usage of the tenant like API-key calls.
 */
@Route(value = "t/:tenant/models/:model/try", layout = MainLayout.class)
@PageTitle("Try a model")
public class TryItView extends TenantView {

    final Select<DeploymentResponse> version = new Select<>();
    final VerticalLayout formHolder = new VerticalLayout();
    final InferResultPanel result = new InferResultPanel();
    TryItForm form;
    private final ServingApi serving;
    private final ModelRegistryApi registry;
    private final TrainingApi training;
    private String tenant;
    private String model;

    public TryItView(
            PlatformApi api, ServingApi serving, ModelRegistryApi registry, TrainingApi training) {
        super(api);
        this.serving = serving;
        this.registry = registry;
        this.training = training;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        model = routeParameter("model");
        List<DeploymentResponse> ready;
        try {
            ready =
                    serving.deployments(tenant, model).stream()
                            .filter(d -> d.status() == DeploymentStatus.READY)
                            .sorted(Comparator.comparing(DeploymentResponse::version).reversed())
                            .toList();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            add(new Notice("Could not load the deployments", e.getMessage()));
            return;
        }
        add(new H2("Try " + model));
        if (ready.isEmpty()) {
            add(
                    new Notice(
                            "Nothing to try yet",
                            "No version of " + model + " is deployed and READY.",
                            new RouterLink(
                                    "Go to deployments",
                                    DeploymentsView.class,
                                    new RouteParameters("tenant", tenant))));
            return;
        }
        version.setId("try-version");
        version.setLabel("Deployed version");
        version.setItems(ready);
        version.setItemLabelGenerator(
                d -> "v" + d.version() + (d.defaultVersion() ? " (default)" : ""));
        version.addValueChangeListener(e -> chosen(e.getValue()));
        formHolder.setPadding(false);
        add(version, formHolder, result);
        version.setValue(
                ready.stream()
                        .filter(DeploymentResponse::defaultVersion)
                        .findFirst()
                        .orElse(ready.get(0)));
    }

    private void chosen(DeploymentResponse deployment) {
        formHolder.removeAll();
        result.removeAll();
        if (deployment == null) {
            return;
        }
        ModelVersionResponse found;
        try {
            found = registry.version(tenant, model, deployment.version()).orElse(null);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        if (found == null || found.signature() == null) {
            formHolder.add(new Paragraph("The signature of this version is not known."));
            return;
        }
        result.setClasses(classes(found));
        form = new TryItForm(found);
        form.addInferListener(e -> infer(deployment.version(), e.request()));
        formHolder.add(form);
    }

    /**
     * The class names of a trained classifier, in the order of its probabilities (its training job
     * knows them); empty for other versions, or when the job cannot be read.
     */
    private List<String> classes(ModelVersionResponse version) {
        if (version.trainingJobId() == null) {
            return List.of();
        }
        try {
            return training.job(tenant, version.trainingJobId())
                    .map(TrainingJobResponse::classes)
                    .orElse(List.of());
        } catch (PlatformApiException e) {
            return List.of();
        }
    }

    private void infer(int deployedVersion, InferRequest request) {
        try {
            result.show(serving.infer(tenant, model, deployedVersion, request));
        } catch (PlatformApiException e) {
            result.showError(e.getMessage());
        }
    }
}
