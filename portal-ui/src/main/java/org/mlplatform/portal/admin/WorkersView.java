package org.mlplatform.portal.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mlplatform.contract.worker.WorkerResponse;
import org.mlplatform.contract.worker.WorkerStatus;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;

/** The registered workers and when each was last heard from. */
@Route(value = "admin/workers", layout = MainLayout.class)
@PageTitle("Workers")
public class WorkersView extends AdminView {

    final Grid<WorkerResponse> grid = new Grid<>();
    private final Clock clock = Clock.systemUTC();

    public WorkersView(PlatformApi platform, AdminApi admin) {
        super(platform, admin);
        configureGrid();
        add(toolbar(), grid);
    }

    private void configureGrid() {
        grid.setSizeFull();
        grid.addColumn(WorkerResponse::name).setHeader("Name").setKey("name");
        grid.addColumn(WorkerResponse::url).setHeader("URL").setKey("url");
        grid.addColumn(WorkersView::engine).setHeader("Engine").setKey("engine");
        grid.addColumn(WorkersView::roles).setHeader("Roles").setKey("roles");
        grid.addComponentColumn(
                        w -> Badges.badge(w.status().name(), w.status() == WorkerStatus.ONLINE))
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(w -> TimeAgo.format(w.lastHeartbeatAt(), clock.instant()))
                .setHeader("Last heartbeat")
                .setKey("heartbeat");
    }

    /** What it does: "jobs", "inference" or "jobs, inference". */
    static String roles(WorkerResponse worker) {
        return worker.roles() == null
                ? ""
                : worker.roles().stream()
                        .map(r -> r.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
    }

    private Component toolbar() {
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Workers"), refresh);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    @Override
    void refresh() {
        try {
            grid.setItems(admin.workers());
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
    }

    private static String engine(WorkerResponse worker) {
        if (worker.engine() == null) {
            return "";
        }
        return worker.engineVersion() == null
                ? worker.engine()
                : worker.engine() + " " + worker.engineVersion();
    }
}
