package org.mlplatform.portal.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;

/** Every audit event of the platform, newest first, filtered by tenant and action. */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit events")
public class AuditView extends AdminView {

    final Grid<AuditEventResponse> grid = new Grid<>();
    final TextField tenantFilter = new TextField();
    final TextField actionFilter = new TextField();

    public AuditView(PlatformApi platform, AdminApi admin) {
        super(platform, admin);
        configureGrid();
        add(toolbar(), grid);
    }

    private void configureGrid() {
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setHeader("Time").setKey("time");
        grid.addColumn(AuditEventResponse::actor).setHeader("Actor").setKey("actor");
        grid.addColumn(AuditEventResponse::tenant).setHeader("Tenant").setKey("tenant");
        grid.addColumn(AuditEventResponse::action).setHeader("Action").setKey("action");
        grid.addColumn(e -> e.targetType() + " " + e.target()).setHeader("Target").setKey("target");
        grid.addColumn(e -> details(e.details()))
                .setHeader("Details")
                .setKey("details")
                .setFlexGrow(2);
        PageFetch.bind(grid, this::page);
    }

    private Component toolbar() {
        tenantFilter.setPlaceholder("Tenant slug");
        actionFilter.setPlaceholder("Action, e.g. member.added");
        for (TextField filter : new TextField[] {tenantFilter, actionFilter}) {
            filter.setClearButtonVisible(true);
            filter.setValueChangeMode(ValueChangeMode.LAZY);
            filter.addValueChangeListener(e -> refresh());
        }
        HorizontalLayout toolbar =
                new HorizontalLayout(new H2("Audit events"), tenantFilter, actionFilter);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    @Override
    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private PageResponse<AuditEventResponse> page(int page, int size) {
        return admin.auditEvents(tenantFilter.getValue(), actionFilter.getValue(), page, size);
    }

    /** "new=ADMIN, old=MEMBER": sorted, so that the same change always reads the same. */
    static String details(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        return new TreeMap<>(details)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
