package org.mlplatform.portal.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import java.util.Map;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.tenant.CreateTenantRequest;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;

/** Every tenant of the platform: search, create, rename, suspend and reactivate. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants")
public class TenantsView extends AdminView {

    final Grid<TenantResponse> grid = new Grid<>();
    final TextField search = new TextField();

    public TenantsView(PlatformApi platform, AdminApi admin) {
        super(platform, admin);
        configureGrid();
        add(toolbar(), grid);
    }

    private void configureGrid() {
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.addColumn(TenantResponse::slug).setHeader("Slug").setKey("slug");
        grid.addColumn(TenantResponse::name).setHeader("Name").setKey("name");
        grid.addComponentColumn(
                        t -> Badges.badge(t.status().name(), t.status() == TenantStatus.ACTIVE))
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(TenantResponse::memberCount).setHeader("Members").setKey("members");
        grid.addColumn(t -> Formats.date(t.createdAt())).setHeader("Created").setKey("created");
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        PageFetch.bind(grid, this::page);
    }

    private Component toolbar() {
        search.setPlaceholder("Search slug or name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Button create =
                new Button("Create tenant", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Tenants"), search, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private Component actions(TenantResponse tenant) {
        Button rename = new Button("Rename", e -> openRenameDialog(tenant));
        rename.setId("rename-" + tenant.slug());
        boolean active = tenant.status() == TenantStatus.ACTIVE;
        Button status =
                new Button(active ? "Suspend" : "Reactivate", e -> confirmStatusChange(tenant));
        status.setId((active ? "suspend-" : "reactivate-") + tenant.slug());
        if (active) {
            status.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button quota = new Button("Quota", e -> openQuotaDialog(tenant));
        quota.setId("quota-" + tenant.slug());
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        status.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        quota.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(rename, quota, status);
    }

    @Override
    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private PageResponse<TenantResponse> page(int page, int size) {
        return admin.tenants(search.getValue(), page, size);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create tenant");
        CreateTenantForm form = new CreateTenantForm();
        form.addSaveListener(e -> create(e.request(), form, dialog));
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void create(CreateTenantRequest request, CreateTenantForm form, Dialog dialog) {
        try {
            admin.createTenant(request);
            dialog.close();
            Notifications.success("Tenant " + request.slug() + " was created");
            refresh();
        } catch (PlatformApiException e) {
            Map<String, String> unmatched = form.showFieldErrors(e.fieldErrors());
            if (e.fieldErrors().isEmpty() || !unmatched.isEmpty()) {
                Notifications.error(e.getMessage());
            }
        }
    }

    private void openRenameDialog(TenantResponse tenant) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + tenant.slug());
        RenameTenantForm form = new RenameTenantForm(tenant.name());
        form.addRenameListener(
                e -> {
                    try {
                        admin.renameTenant(tenant.slug(), e.name());
                        dialog.close();
                        refresh();
                    } catch (PlatformApiException ex) {
                        form.showError(ex.getMessage());
                    }
                });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void openQuotaDialog(TenantResponse tenant) {
        QuotaForm form;
        try {
            form = new QuotaForm(admin.quota(tenant.slug()));
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Quota of " + tenant.slug());
        form.addSaveListener(
                e -> {
                    try {
                        admin.setQuota(tenant.slug(), e.request());
                        dialog.close();
                        Notifications.success("The quota of " + tenant.slug() + " was saved");
                    } catch (PlatformApiException ex) {
                        if (ex.fieldErrors().isEmpty() || !form.showFieldErrors(ex.fieldErrors())) {
                            Notifications.error(ex.getMessage());
                        }
                    }
                });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void confirmStatusChange(TenantResponse tenant) {
        boolean suspend = tenant.status() == TenantStatus.ACTIVE;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader((suspend ? "Suspend " : "Reactivate ") + tenant.slug() + "?");
        confirm.setText(
                suspend
                        ? "Its members cannot use it until it is reactivated. Nothing is deleted."
                        : "Its members can use it again.");
        confirm.setCancelable(true);
        Button confirmButton = new Button(suspend ? "Suspend" : "Reactivate");
        confirmButton.setId("confirm-status");
        confirmButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (suspend) {
            confirmButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        TenantStatus target = suspend ? TenantStatus.SUSPENDED : TenantStatus.ACTIVE;
        confirmButton.addClickListener(
                e -> {
                    confirm.close();
                    setStatus(tenant, target);
                });
        confirm.setConfirmButton(confirmButton);
        confirm.open();
    }

    private void setStatus(TenantResponse tenant, TenantStatus status) {
        try {
            admin.setTenantStatus(tenant.slug(), status);
            Notifications.success(tenant.slug() + " is now " + status);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }
}
