package org.mlplatform.portal.deployment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.layout.DestructiveConfirm;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.layout.Polling;
import org.mlplatform.portal.layout.StatusBadge;
import org.mlplatform.portal.model.ModelView;
import org.mlplatform.portal.tenant.TenantView;

/**
 * The model versions a tenant serves. MEMBERs and up deploy, change batching and replicas,
 * undeploy, and choose the version that answers a model's unversioned calls. While a deployment or
 * one of its replicas is PENDING, and for a minute after a change while replicas are not all READY,
 * the page polls every {@value #POLL_MILLIS} ms, so it turns READY or FAILED without a reload.
 */
@Route(value = "t/:tenant/deployments", layout = MainLayout.class)
@PageTitle("Deployments")
public class DeploymentsView extends TenantView {

    /** Workers hear of a change at once and a small model is READY within a second. */
    static final int POLL_MILLIS = 1000;

    /** How long the page follows the replicas after a change (while they load and report). */
    static final Duration FOLLOW_CHANGE = Duration.ofMinutes(1);

    final Grid<DeploymentResponse> grid = new Grid<>();
    private final ServingApi serving;
    private final ModelRegistryApi registry;
    private final Polling polling = new Polling(POLL_MILLIS, this::refresh);
    private String tenant;
    private boolean canWrite;
    // The deployment last changed here, and when: the page follows its replicas for a while.
    private UUID changed;
    private Instant changedAt;

    public DeploymentsView(PlatformApi api, ServingApi serving, ModelRegistryApi registry) {
        super(api);
        this.serving = serving;
        this.registry = registry;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        tenant = membership.slug();
        canWrite = membership.role().atLeast(TenantRole.MEMBER);
        configureGrid();
        add(toolbar(), grid);
        refresh();
    }

    private void configureGrid() {
        grid.removeAllColumns();
        grid.setSizeFull();
        grid.addComponentColumn(this::modelLink).setHeader("Model").setKey("model");
        grid.addColumn(d -> "v" + d.version()).setHeader("Version").setKey("version");
        grid.addComponentColumn(DeploymentsView::status).setHeader("Status").setKey("status");
        grid.addColumn(DeploymentsView::replicas).setHeader("Replicas").setKey("replicas");
        grid.addColumn(DeploymentsView::batching).setHeader("Batching").setKey("batching");
        grid.addComponentColumn(DeploymentsView::defaultMarker)
                .setHeader("Default")
                .setKey("default");
        if (canWrite) {
            grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        }
    }

    private Component modelLink(DeploymentResponse d) {
        return new RouterLink(
                d.model(),
                ModelView.class,
                new RouteParameters(Map.of("tenant", tenant, "model", d.model())));
    }

    /** The badge, and for a FAILED deployment the reason next to it. */
    static Component status(DeploymentResponse d) {
        HorizontalLayout cell = new HorizontalLayout(StatusBadge.of(d.status()));
        if (d.status() == DeploymentStatus.FAILED && d.failureReason() != null) {
            Span reason = new Span(d.failureReason());
            reason.addClassName("failure-reason");
            cell.add(reason);
        }
        return cell;
    }

    /** {@code 1 of 2 ready}: replicas that reported READY against those asked for. */
    static String replicas(DeploymentResponse d) {
        return replicasIn(d, DeploymentStatus.READY) + " of " + d.replicas() + " ready";
    }

    private static long replicasIn(DeploymentResponse d, DeploymentStatus status) {
        return d.replicaStatus() == null
                ? 0
                : d.replicaStatus().stream().filter(r -> r.status() == status).count();
    }

    /** Whether it was changed here within {@link #FOLLOW_CHANGE} and not all replicas are READY. */
    private boolean followingChange(DeploymentResponse d) {
        return d.id().equals(changed)
                && Instant.now().isBefore(changedAt.plus(FOLLOW_CHANGE))
                && replicasIn(d, DeploymentStatus.READY) != d.replicas();
    }

    /** Whether it, or one of its replicas, is still loading. */
    private static boolean loading(DeploymentResponse d) {
        return d.status() == DeploymentStatus.PENDING
                || replicasIn(d, DeploymentStatus.PENDING) > 0;
    }

    /** {@code up to 8 per batch, 2 ms wait}. */
    static String batching(DeploymentResponse d) {
        return "up to " + d.maxBatchSize() + " per batch, " + d.maxBatchDelayMs() + " ms wait";
    }

    private static Component defaultMarker(DeploymentResponse d) {
        Span marker = new Span(d.defaultVersion() ? "Default" : "");
        if (d.defaultVersion()) {
            marker.getElement().getThemeList().add("badge primary");
            marker.addClassName("default-version");
        }
        return marker;
    }

    private Component toolbar() {
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Deployments"));
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (canWrite) {
            Button deploy =
                    new Button(
                            "Deploy",
                            VaadinIcon.ROCKET.create(),
                            e ->
                                    DeployDialog.open(
                                            serving, registry, tenant, null, null, d -> refresh()));
            deploy.setId("open-deploy");
            deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(deploy);
        }
        return toolbar;
    }

    private Component actions(DeploymentResponse d) {
        HorizontalLayout actions = new HorizontalLayout();
        if (d.status() == DeploymentStatus.READY && !d.defaultVersion()) {
            Button makeDefault = new Button("Make default", e -> makeDefault(d));
            makeDefault.setId("default-" + d.model() + "-" + d.version());
            makeDefault.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(makeDefault);
        }
        Button change =
                new Button(
                        "Change",
                        e ->
                                EditDeploymentDialog.open(
                                        serving,
                                        tenant,
                                        d,
                                        saved -> {
                                            changed = saved.id();
                                            changedAt = Instant.now();
                                            refresh();
                                        }));
        change.setId("edit-" + d.model() + "-" + d.version());
        change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(change);
        Button undeploy = new Button("Undeploy", e -> confirmUndeploy(d));
        undeploy.setId("undeploy-" + d.model() + "-" + d.version());
        undeploy.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(undeploy);
        return actions;
    }

    void refresh() {
        List<DeploymentResponse> list;
        try {
            list = serving.deployments(tenant, null);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            polling.stop();
            return;
        }
        grid.setItems(list);
        polling.keepWhile(list.stream().anyMatch(d -> loading(d) || followingChange(d)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.stop();
        super.onDetach(event);
    }

    private void makeDefault(DeploymentResponse d) {
        try {
            registry.setDefaultVersion(tenant, d.model(), d.version());
            Notifications.success(
                    "v" + d.version() + " now answers unversioned calls to " + d.model());
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void confirmUndeploy(DeploymentResponse d) {
        DestructiveConfirm.open(
                "Undeploy " + d.model() + " v" + d.version() + "?",
                "Calls to this version fail once the workers unload it, within seconds.",
                "Undeploy",
                () -> {
                    try {
                        serving.undeploy(tenant, d.id());
                        Notifications.success(d.model() + " v" + d.version() + " was undeployed");
                    } catch (PlatformApiException e) {
                        Notifications.error(e.getMessage());
                    }
                    refresh();
                });
    }
}
