package org.mlplatform.portal.model;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.api.Uploads;
import org.mlplatform.portal.deployment.DeployDialog;
import org.mlplatform.portal.inference.TryItView;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.layout.Polling;
import org.mlplatform.portal.layout.StatusBadge;
import org.mlplatform.portal.tenant.TenantView;

/**
 * One model with its versions and their deployments. While a version is VALIDATING or a deployment
 * PENDING the page polls every {@value #POLL_MILLIS} ms, so its badge changes without a reload.
 */
@Route(value = "t/:tenant/models/:model", layout = MainLayout.class)
@PageTitle("Model")
public class ModelView extends TenantView {

    static final int POLL_MILLIS = 2000;

    /** {@code ?version=3} selects that version when the page opens. */
    public static final String VERSION_PARAMETER = "version";

    final Grid<ModelVersionResponse> versions = new Grid<>();
    final VersionDetails details = new VersionDetails();
    private final ModelRegistryApi registry;
    private final ServingApi serving;
    private final Uploads uploads;
    private Map<Integer, DeploymentResponse> deployed = Map.of();
    private String tenant;
    private String model;
    private boolean canWrite;
    private final Polling polling = new Polling(POLL_MILLIS, () -> refresh(null));
    private Integer selectOnOpen;

    public ModelView(
            PlatformApi api, ModelRegistryApi registry, ServingApi serving, Uploads uploads) {
        super(api);
        this.registry = registry;
        this.serving = serving;
        this.uploads = uploads;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        selectOnOpen =
                event.getLocation()
                        .getQueryParameters()
                        .getSingleParameter(VERSION_PARAMETER)
                        .filter(v -> v.matches("\\d{1,9}"))
                        .map(Integer::valueOf)
                        .orElse(null);
        super.beforeEnter(event);
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        model = routeParameter("model");
        canWrite = membership.role().atLeast(TenantRole.MEMBER);
        ModelResponse found;
        try {
            found = registry.model(tenant, model).orElse(null);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        if (found == null) {
            add(new Notice("Model not found", "There is no model \"" + model + "\" here."));
            return;
        }
        add(header(found));
        if (canWrite) {
            add(new VersionUploader(uploads, tenant, model, v -> refresh(v.version())));
        }
        configureGrid();
        SplitLayout split = new SplitLayout(versions, details);
        split.setSizeFull();
        split.setSplitterPosition(60);
        add(split);
        refresh(selectOnOpen);
    }

    private HorizontalLayout header(ModelResponse found) {
        Span task = new Span(ModelsView.taskLabel(found.task()));
        task.getElement().getThemeList().add("badge");
        task.setId("model-task-badge");
        HorizontalLayout header = new HorizontalLayout(new H2(found.name()), task);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (found.description() != null) {
            header.add(new Paragraph(found.description()));
        }
        RouterLink tryIt =
                new RouterLink(
                        "Try it",
                        TryItView.class,
                        new RouteParameters(Map.of("tenant", tenant, "model", found.name())));
        tryIt.setId("try-it-link");
        header.add(tryIt);
        return header;
    }

    private void configureGrid() {
        versions.removeAllColumns();
        versions.addColumn(v -> "v" + v.version()).setHeader("Version").setKey("version");
        versions.addComponentColumn(v -> StatusBadge.of(v.status()))
                .setHeader("Status")
                .setKey("status");
        versions.addColumn(v -> v.format().wireName()).setHeader("Format").setKey("format");
        versions.addColumn(v -> Formats.bytes(v.sizeBytes())).setHeader("Size").setKey("size");
        versions.addColumn(v -> shortSha(v.sha256())).setHeader("SHA-256").setKey("sha256");
        versions.addComponentColumn(v -> VersionDetails.source(tenant, v))
                .setHeader("Source")
                .setKey("source");
        versions.addColumn(v -> Formats.dateTime(v.createdAt()))
                .setHeader("Created")
                .setKey("created");
        versions.addComponentColumn(this::deployment).setHeader("Deployment").setKey("deployment");
        if (canWrite) {
            versions.addComponentColumn(this::actions).setKey("actions");
        }
        // Columns as wide as what they hold: beside the details panel the grid scrolls sideways
        // instead of breaking words and dates in the middle.
        versions.getColumns().forEach(column -> column.setAutoWidth(true).setFlexGrow(0));
        versions.asSingleSelect().addValueChangeListener(e -> details.show(tenant, e.getValue()));
    }

    static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(12, sha.length()));
    }

    /** The version's deployment status, "Default" when it answers unversioned calls. */
    private Component deployment(ModelVersionResponse version) {
        DeploymentResponse d = deployed.get(version.version());
        if (d == null) {
            return new Span(version.status() == ModelVersionStatus.READY ? "Not deployed" : "");
        }
        HorizontalLayout cell = new HorizontalLayout(StatusBadge.of(d.status()));
        cell.setId("deployment-" + version.version());
        if (d.defaultVersion()) {
            cell.add(new Span("Default"));
        }
        return cell;
    }

    private Component actions(ModelVersionResponse version) {
        HorizontalLayout actions = new HorizontalLayout();
        if (version.status() == ModelVersionStatus.READY
                && !deployed.containsKey(version.version())) {
            Button deploy =
                    new Button(
                            "Deploy",
                            e ->
                                    DeployDialog.open(
                                            serving,
                                            registry,
                                            tenant,
                                            model,
                                            version.version(),
                                            d -> refresh(null)));
            deploy.setId("deploy-version-" + version.version());
            deploy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(deploy);
        }
        Button delete = new Button("Delete", e -> confirmDelete(version));
        delete.setId("delete-version-" + version.version());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(delete);
        return actions;
    }

    /** Reloads the versions and selects {@code select} (null: the one selected, else newest). */
    void refresh(Integer select) {
        List<ModelVersionResponse> list;
        try {
            list = registry.versions(tenant, model);
            deployed =
                    serving.deployments(tenant, model).stream()
                            .collect(
                                    Collectors.toMap(
                                            DeploymentResponse::version, d -> d, (a, b) -> a));
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            polling.stop();
            return;
        }
        ModelVersionResponse selected = versions.asSingleSelect().getValue();
        Integer wanted = select != null ? select : selected == null ? null : selected.version();
        versions.setItems(list);
        list.stream()
                .filter(v -> wanted == null || v.version() == wanted)
                .findFirst()
                .ifPresentOrElse(versions::select, () -> details.show(tenant, null));
        polling.keepWhile(
                list.stream().anyMatch(v -> v.status() == ModelVersionStatus.VALIDATING)
                        || deployed.values().stream()
                                .anyMatch(d -> d.status() == DeploymentStatus.PENDING));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.stop();
        super.onDetach(event);
    }

    private void confirmDelete(ModelVersionResponse version) {
        DestructiveConfirm.open(
                "Delete version " + version.version() + "?",
                "Its artifact is deleted too. This cannot be undone.",
                "Delete",
                () -> {
                    try {
                        registry.deleteVersion(tenant, model, version.version());
                        Notifications.success("Version " + version.version() + " was deleted");
                    } catch (PlatformApiException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    refresh(null);
                });
    }
}
