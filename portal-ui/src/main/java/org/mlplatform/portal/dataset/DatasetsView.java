package org.mlplatform.portal.dataset;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.admin.PageFetch;
import org.mlplatform.portal.api.DatasetCatalogApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.Uploads;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/** A tenant's datasets: upload (streamed and profiled by platform-api) and delete. */
@Route(value = "t/:tenant/datasets", layout = MainLayout.class)
@PageTitle("Datasets")
public class DatasetsView extends TenantView {

    final Grid<DatasetResponse> grid = new Grid<>();
    private final DatasetCatalogApi catalog;
    private final Uploads uploads;
    private String tenant;
    private boolean canWrite;

    public DatasetsView(PlatformApi api, DatasetCatalogApi catalog, Uploads uploads) {
        super(api);
        this.catalog = catalog;
        this.uploads = uploads;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        canWrite = membership.role().atLeast(TenantRole.MEMBER);
        configureGrid();
        add(toolbar(), grid);
    }

    private void configureGrid() {
        grid.removeAllColumns();
        grid.setSizeFull();
        grid.addComponentColumn(this::link).setHeader("Name").setKey("name");
        grid.addColumn(d -> d.format().wireName()).setHeader("Format").setKey("format");
        grid.addColumn(d -> Formats.bytes(d.sizeBytes())).setHeader("Size").setKey("size");
        grid.addColumn(DatasetsView::contents).setHeader("Rows / images").setKey("contents");
        grid.addColumn(d -> Formats.dateTime(d.createdAt())).setHeader("Created").setKey("created");
        if (canWrite) {
            grid.addComponentColumn(this::deleteButton).setKey("actions").setFlexGrow(0);
        }
        PageFetch.bind(grid, (page, size) -> catalog.datasets(tenant, null, page, size));
    }

    static String contents(DatasetResponse d) {
        if (d.csv() != null) {
            return d.csv().rowCount() + " rows";
        }
        return d.images() == null ? "" : d.images().imageCount() + " images";
    }

    private Component link(DatasetResponse dataset) {
        return new RouterLink(
                dataset.name(),
                DatasetView.class,
                new RouteParameters(Map.of("tenant", tenant, "dataset", dataset.name())));
    }

    private Component toolbar() {
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Datasets"));
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (canWrite) {
            Button upload =
                    new Button(
                            "Upload dataset", VaadinIcon.UPLOAD.create(), e -> openUploadDialog());
            upload.setId("upload-dataset");
            upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(upload);
        }
        return toolbar;
    }

    private Component deleteButton(DatasetResponse dataset) {
        Button delete = new Button("Delete", e -> confirmDelete(dataset));
        delete.setId("delete-dataset-" + dataset.name());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return delete;
    }

    private void openUploadDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Upload dataset");
        dialog.setWidth("36rem");
        dialog.add(
                new DatasetUploader(
                        uploads,
                        tenant,
                        dataset -> {
                            dialog.close();
                            grid.getDataProvider().refreshAll();
                        }));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void confirmDelete(DatasetResponse dataset) {
        DestructiveConfirm.open(
                "Delete " + dataset.name() + "?",
                "The dataset and its profile are deleted. This cannot be undone.",
                "Delete",
                () -> delete(dataset));
    }

    private void delete(DatasetResponse dataset) {
        try {
            catalog.deleteDataset(tenant, dataset.name());
            Notifications.success("Dataset " + dataset.name() + " was deleted");
        } catch (PlatformApiException e) {
            // 409 while a job uses it: the API says which.
            Notifications.error(e.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }
}
