package org.mlplatform.portal.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.portal.admin.PageFetch;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.TrainingApi;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Polling;
import org.mlplatform.portal.tenant.TenantView;

/**
 * A tenant's training jobs, newest first, filtered by status; a row opens the job. While a shown
 * job is queued or running the page polls every {@value #POLL_MILLIS} ms, so badges move on.
 */
@Route(value = "t/:tenant/training", layout = MainLayout.class)
@PageTitle("Training")
public class TrainingJobsView extends TenantView {

    static final int POLL_MILLIS = 5000;

    final Grid<TrainingJobResponse> grid = new Grid<>();
    final Select<JobStatus> status = new Select<>();
    private final TrainingApi training;
    private String tenant;
    private final Polling polling =
            new Polling(POLL_MILLIS, () -> grid.getDataProvider().refreshAll());

    /** The queued and running jobs the grid has shown; it polls while there are any. */
    private final Set<UUID> active = new HashSet<>();

    public TrainingJobsView(PlatformApi api, TrainingApi training) {
        super(api);
        this.training = training;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        configureGrid();
        add(toolbar(membership.role().atLeast(TenantRole.MEMBER)), grid);
    }

    /** The detail page's route parameters. */
    static RouteParameters jobRoute(String tenant, TrainingJobResponse job) {
        return new RouteParameters(Map.of("tenant", tenant, "id", job.id().toString()));
    }

    private void configureGrid() {
        grid.removeAllColumns();
        grid.setSizeFull();
        grid.addColumn(j -> Formats.dateTime(j.createdAt())).setHeader("Created").setKey("created");
        grid.addComponentColumn(j -> JobStatusBadge.of(j.status()))
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(TrainingJobResponse::dataset).setHeader("Dataset").setKey("dataset");
        grid.addColumn(JobText::taskAndArchitecture).setHeader("Task").setKey("task");
        grid.addColumn(JobText::outputModel).setHeader("Output model").setKey("output");
        grid.addColumn(JobText::latestValidation).setHeader("Validation").setKey("metric");
        grid.addColumn(j -> JobText.duration(j, Instant.now()))
                .setHeader("Duration")
                .setKey("duration");
        grid.addItemClickListener(
                e ->
                        getUI().ifPresent(
                                        ui ->
                                                ui.navigate(
                                                        TrainingJobView.class,
                                                        jobRoute(tenant, e.getItem()))));
        PageFetch.bind(grid, this::page);
    }

    private Component toolbar(boolean canWrite) {
        status.setId("job-status-filter");
        status.setLabel("Status");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setItems(JobStatus.values());
        status.addValueChangeListener(
                e -> {
                    active.clear();
                    grid.getDataProvider().refreshAll();
                });
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Training"), status);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (canWrite) {
            Button create =
                    new Button(
                            "New training job",
                            VaadinIcon.PLUS.create(),
                            e ->
                                    getUI().ifPresent(
                                                    ui ->
                                                            ui.navigate(
                                                                    NewTrainingJobView.class,
                                                                    new RouteParameters(
                                                                            "tenant", tenant))));
            create.setId("new-training-job");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private PageResponse<TrainingJobResponse> page(int page, int size) {
        PageResponse<TrainingJobResponse> answer =
                training.jobs(tenant, status.getValue(), page, size);
        for (TrainingJobResponse job : answer.items()) {
            if (JobText.finished(job.status())) {
                active.remove(job.id());
            } else {
                active.add(job.id());
            }
        }
        polling.keepWhile(!active.isEmpty());
        return answer;
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.stop();
        super.onDetach(event);
    }
}
