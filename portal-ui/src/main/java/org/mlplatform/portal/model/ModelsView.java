package org.mlplatform.portal.model;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.admin.PageFetch;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/** The model registry of a tenant: search, create and delete models; MEMBERs and up write. */
@Route(value = "t/:tenant/models", layout = MainLayout.class)
@PageTitle("Models")
public class ModelsView extends TenantView {

    final Grid<ModelResponse> grid = new Grid<>();
    final TextField search = new TextField();
    private final ModelRegistryApi registry;
    private String tenant;
    private boolean canWrite;

    public ModelsView(PlatformApi api, ModelRegistryApi registry) {
        super(api);
        this.registry = registry;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        canWrite = membership.role().atLeast(TenantRole.MEMBER);
        configureGrid();
        add(toolbar(), grid);
    }

    /** "Tabular classification" for TABULAR_CLASSIFICATION. */
    static String taskLabel(ModelTask task) {
        String words = task.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private void configureGrid() {
        grid.removeAllColumns();
        grid.setSizeFull();
        grid.addComponentColumn(this::link).setHeader("Name").setKey("name");
        grid.addColumn(m -> taskLabel(m.task())).setHeader("Task").setKey("task");
        grid.addColumn(m -> m.latestVersion() == null ? "–" : "v" + m.latestVersion())
                .setHeader("Latest version")
                .setKey("latest");
        grid.addColumn(ModelResponse::versionCount).setHeader("Versions").setKey("versions");
        grid.addColumn(m -> Formats.dateTime(m.updatedAt())).setHeader("Updated").setKey("updated");
        if (canWrite) {
            grid.addComponentColumn(this::deleteButton).setKey("actions").setFlexGrow(0);
        }
        PageFetch.bind(grid, this::page);
    }

    private Component link(ModelResponse model) {
        return new RouterLink(
                model.name(),
                ModelView.class,
                new RouteParameters(java.util.Map.of("tenant", tenant, "model", model.name())));
    }

    private Component toolbar() {
        search.setId("model-search");
        search.setPlaceholder("Search name or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Models"), search);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (canWrite) {
            Button create =
                    new Button("Create model", VaadinIcon.PLUS.create(), e -> openCreateDialog());
            create.setId("create-model");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private Component deleteButton(ModelResponse model) {
        Button delete = new Button("Delete", e -> confirmDelete(model));
        delete.setId("delete-model-" + model.name());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return delete;
    }

    private PageResponse<ModelResponse> page(int page, int size) {
        return registry.models(tenant, search.getValue(), page, size);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create model");
        CreateModelForm form = new CreateModelForm();
        form.addSaveListener(e -> create(e.request(), form, dialog));
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void create(CreateModelRequest request, CreateModelForm form, Dialog dialog) {
        try {
            registry.createModel(tenant, request);
            dialog.close();
            Notifications.success("Model " + request.name() + " was created");
            grid.getDataProvider().refreshAll();
        } catch (PlatformApiException e) {
            if (!form.showErrors(e.status(), e.getMessage(), e.fieldErrors())) {
                Notifications.error(e.getMessage());
            }
        }
    }

    private void confirmDelete(ModelResponse model) {
        DestructiveConfirm.open(
                "Delete " + model.name() + "?",
                "The model and all its "
                        + model.versionCount()
                        + " versions are deleted. This cannot be undone.",
                "Delete",
                () -> delete(model));
    }

    private void delete(ModelResponse model) {
        try {
            registry.deleteModel(tenant, model.name());
            Notifications.success("Model " + model.name() + " was deleted");
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }
}
