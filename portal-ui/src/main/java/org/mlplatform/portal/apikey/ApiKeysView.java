package org.mlplatform.portal.apikey;

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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.mlplatform.contract.apikey.ApiKeyResponse;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.ApiKeyStatus;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.CreatedApiKeyResponse;
import org.mlplatform.contract.apikey.RateLimit;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.admin.PageFetch;
import org.mlplatform.portal.api.InferenceKeysApi;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.layout.StatusBadge;
import org.mlplatform.portal.tenant.TenantView;

/**
 * A tenant's API keys for the inference API. Every member sees them (never their secrets); ADMINs
 * and OWNERs create, rotate and revoke them, and see a new secret once, in {@link SecretDialog}.
 */
@Route(value = "t/:tenant/api-keys", layout = MainLayout.class)
@PageTitle("API keys")
public class ApiKeysView extends TenantView {

    final Grid<ApiKeyResponse> grid = new Grid<>();
    private final InferenceKeysApi keys;
    private final ModelRegistryApi registry;
    private final Clock clock = Clock.systemUTC();
    private String tenant;
    private boolean canManage;

    public ApiKeysView(PlatformApi api, InferenceKeysApi keys, ModelRegistryApi registry) {
        super(api);
        this.keys = keys;
        this.registry = registry;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        canManage = membership.role().atLeast(TenantRole.ADMIN);
        configureGrid();
        add(toolbar(), grid);
    }

    private void configureGrid() {
        grid.setId("api-keys");
        grid.removeAllColumns();
        grid.setSizeFull();
        grid.addColumn(ApiKeyResponse::name).setHeader("Name").setKey("name");
        grid.addColumn(ApiKeyResponse::prefix).setHeader("Prefix").setKey("prefix");
        grid.addColumn(k -> scopes(k.scopes())).setHeader("Scopes").setKey("scopes");
        grid.addColumn(k -> models(k.models())).setHeader("Models").setKey("models");
        grid.addColumn(k -> limits(k.rateLimit(), k.monthlyRequestLimit()))
                .setHeader("Limits")
                .setKey("limits");
        // Dates and the status take the width they need; the other columns wrap.
        grid.addColumn(k -> Formats.date(k.createdAt()))
                .setHeader("Created")
                .setKey("created")
                .setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? "Never" : Formats.dateTime(k.lastUsedAt()))
                .setHeader("Last used")
                .setKey("lastUsed");
        grid.addColumn(k -> Formats.date(k.expiresAt()))
                .setHeader("Expires")
                .setKey("expires")
                .setAutoWidth(true);
        grid.addComponentColumn(k -> StatusBadge.of(k.status()))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        if (canManage) {
            grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        }
        PageFetch.bind(grid, this::page);
    }

    static String scopes(List<ApiKeyScope> scopes) {
        return scopes.stream().map(ApiKeyScope::wireName).collect(Collectors.joining(", "));
    }

    static String models(List<String> models) {
        return models == null || models.isEmpty() ? "All models" : String.join(", ", models);
    }

    /** {@code 5 /s, burst 10; 1000 /month}; "Tenant limits only" without its own. */
    static String limits(RateLimit rate, Long monthly) {
        String perSecond =
                rate == null
                        ? null
                        : Formats.number(rate.requestsPerSecond())
                                + " /s"
                                + (rate.burst() == null ? "" : ", burst " + rate.burst());
        String perMonth = monthly == null ? null : monthly + " /month";
        if (perSecond == null && perMonth == null) {
            return "Tenant limits only";
        }
        return perSecond == null
                ? perMonth
                : perMonth == null ? perSecond : perSecond + "; " + perMonth;
    }

    private Component toolbar() {
        HorizontalLayout toolbar = new HorizontalLayout(new H2("API keys"));
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (canManage) {
            Button create =
                    new Button("Create key", VaadinIcon.PLUS.create(), e -> openCreateDialog());
            create.setId("create-key");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private Component actions(ApiKeyResponse key) {
        HorizontalLayout actions = new HorizontalLayout();
        if (key.status() == ApiKeyStatus.REVOKED) {
            return actions;
        }
        Button rotate = new Button("Rotate", e -> openRotateDialog(key));
        rotate.setId("rotate-" + key.prefix());
        rotate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button revoke = new Button("Revoke", e -> confirmRevoke(key));
        revoke.setId("revoke-" + key.prefix());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(rotate, revoke);
        return actions;
    }

    private PageResponse<ApiKeyResponse> page(int page, int size) {
        return keys.keys(tenant, page, size);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void openCreateDialog() {
        List<String> modelNames;
        try {
            modelNames =
                    registry.models(tenant, null, 0, Paging.MAX_SIZE).items().stream()
                            .map(ModelResponse::name)
                            .toList();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create API key");
        CreateApiKeyForm form =
                new CreateApiKeyForm(modelNames, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        form.addSaveListener(e -> create(e.request(), form, dialog));
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void create(CreateApiKeyRequest request, CreateApiKeyForm form, Dialog dialog) {
        CreatedApiKeyResponse created;
        try {
            created = keys.create(tenant, request);
        } catch (PlatformApiException e) {
            if (!form.showFieldErrors(e.fieldErrors())) {
                Notifications.error(e.getMessage());
            }
            return;
        }
        dialog.close();
        refresh();
        new SecretDialog(created).open();
    }

    private void openRotateDialog(ApiKeyResponse key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rotate " + key.name());
        RotateKeyForm form = new RotateKeyForm();
        form.addRotateListener(
                e -> {
                    dialog.close();
                    try {
                        CreatedApiKeyResponse rotated =
                                keys.rotate(tenant, key.id(), e.gracePeriodSeconds());
                        refresh();
                        new SecretDialog(rotated).open();
                    } catch (PlatformApiException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.open();
    }

    private void confirmRevoke(ApiKeyResponse key) {
        DestructiveConfirm.open(
                "Revoke " + key.name() + "?",
                "Calls with this key ("
                        + key.prefix()
                        + "…) are refused within a second. This cannot be undone.",
                "Revoke",
                () -> {
                    try {
                        keys.revoke(tenant, key.id());
                        Notifications.success(key.name() + " was revoked");
                    } catch (PlatformApiException e) {
                        Notifications.error(e.getMessage());
                    }
                    refresh();
                });
    }
}
