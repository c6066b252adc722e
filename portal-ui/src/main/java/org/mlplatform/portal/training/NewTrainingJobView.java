package org.mlplatform.portal.training;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.portal.api.DatasetCatalogApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.TrainingApi;
import org.mlplatform.portal.dataset.DatasetsView;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/** Queues a training job from the tenant's datasets; MEMBERs and up. */
@Route(value = "t/:tenant/training/new", layout = MainLayout.class)
@PageTitle("New training job")
public class NewTrainingJobView extends TenantView {

    /** {@code ?dataset=iris} picks that dataset when the page opens. */
    public static final String DATASET_PARAMETER = "dataset";

    private final TrainingApi training;
    private final DatasetCatalogApi datasets;
    TrainingJobForm form;
    private String tenant;
    private String preselected;

    public NewTrainingJobView(PlatformApi api, TrainingApi training, DatasetCatalogApi datasets) {
        super(api);
        this.training = training;
        this.datasets = datasets;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        preselected =
                event.getLocation()
                        .getQueryParameters()
                        .getSingleParameter(DATASET_PARAMETER)
                        .orElse(null);
        super.beforeEnter(event);
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        if (!membership.role().atLeast(TenantRole.MEMBER)) {
            add(new Notice("Not allowed", "Viewers cannot start training jobs."));
            return;
        }
        List<DatasetResponse> available;
        DatasetResponse chosen;
        try {
            available = datasets.datasets(tenant, null, 0, Paging.MAX_SIZE).items();
            chosen = preselected == null ? null : find(available, preselected);
            if (chosen != null && !available.contains(chosen)) {
                available =
                        java.util.stream.Stream.concat(
                                        java.util.stream.Stream.of(chosen), available.stream())
                                .toList();
            }
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            add(new Notice("Could not load the datasets", e.getMessage()));
            return;
        }
        if (available.isEmpty()) {
            add(
                    new Notice(
                            "No datasets yet",
                            "Upload a CSV or an image zip first; a job learns from one.",
                            new RouterLink(
                                    "Go to datasets",
                                    DatasetsView.class,
                                    new RouteParameters("tenant", tenant))));
            return;
        }
        form = new TrainingJobForm(available);
        if (chosen != null) {
            form.dataset.setValue(chosen);
        }
        form.addSubmitListener(e -> submit(e.request()));
        form.addCancelListener(
                e ->
                        getUI().ifPresent(
                                        ui ->
                                                ui.navigate(
                                                        TrainingJobsView.class,
                                                        new RouteParameters("tenant", tenant))));
        add(new H2("New training job"), form);
    }

    /** The named dataset from the first page, or else asked for by name (past the first page). */
    private DatasetResponse find(List<DatasetResponse> available, String name) {
        return available.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .or(() -> datasets.dataset(tenant, name))
                .orElse(null);
    }

    private void submit(CreateTrainingJobRequest request) {
        TrainingJobResponse job;
        try {
            job = training.create(tenant, request);
        } catch (PlatformApiException e) {
            if (!form.showErrors(e.getMessage(), e.fieldErrors())) {
                Notifications.error(e.getMessage());
            }
            return;
        }
        Notifications.success("Training job queued");
        getUI().ifPresent(
                        ui ->
                                ui.navigate(
                                        TrainingJobView.class,
                                        new RouteParameters(
                                                Map.of(
                                                        "tenant",
                                                        tenant,
                                                        "id",
                                                        job.id().toString()))));
    }
}
