package org.mlplatform.portal.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/**
 * A tenant at a glance: what it is, the user's role, its members and (for admins) recent changes.
 */
@Route(value = "t/:tenant/dashboard", layout = MainLayout.class)
@PageTitle("Dashboard")
public class DashboardView extends TenantView {

    static final int LATEST_EVENTS = 5;

    private final ServingApi serving;

    public DashboardView(PlatformApi api, ServingApi serving) {
        super(api);
        this.serving = serving;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        TenantResponse tenant = api.tenant(membership.slug()).orElse(null);
        if (tenant == null) {
            add(new Notice("Tenant not found", "This tenant no longer exists."));
            return;
        }
        add(new H2(tenant.name()));
        FlexLayout cards =
                new FlexLayout(
                        tenantCard(tenant), roleCard(membership.role()), membersCard(tenant));
        quota(tenant.slug())
                .ifPresent(
                        quota -> {
                            cards.add(StorageCard.of(quota));
                            cards.add(TrainingCard.of(tenant.slug(), quota));
                            cards.add(
                                    InferenceCard.of(
                                            tenant.slug(), quota, deploymentCount(tenant.slug())));
                        });
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("cards");
        add(cards);
        if (membership.role().atLeast(TenantRole.ADMIN)) {
            add(auditCard(tenant.slug()));
        }
    }

    private static Card tenantCard(TenantResponse tenant) {
        Card card = card("Tenant", tenant.name());
        card.add(new Div("Slug: " + tenant.slug()));
        card.add(new Div("Status: " + tenant.status()));
        card.add(new Div("Created: " + Formats.date(tenant.createdAt())));
        return card;
    }

    private static Card roleCard(TenantRole role) {
        Card card = card("Your role", role.name());
        card.add(new Div(describe(role)));
        return card;
    }

    private static Card membersCard(TenantResponse tenant) {
        return card("Members", String.valueOf(tenant.memberCount()));
    }

    private java.util.Optional<QuotaResponse> quota(String tenant) {
        try {
            return java.util.Optional.of(api.quota(tenant));
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private Integer deploymentCount(String tenant) {
        try {
            return serving.deployments(tenant, null).size();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return null;
        }
    }

    private Component auditCard(String tenant) {
        Card card = new Card();
        card.setTitle("Latest changes");
        card.setWidthFull();
        Grid<AuditEventResponse> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt())).setHeader("Time").setKey("time");
        grid.addColumn(AuditEventResponse::actor).setHeader("Actor").setKey("actor");
        grid.addColumn(AuditEventResponse::action).setHeader("Action").setKey("action");
        grid.addColumn(AuditEventResponse::target).setHeader("Target").setKey("target");
        try {
            List<AuditEventResponse> events = api.latestAuditEvents(tenant, LATEST_EVENTS);
            grid.setItems(events);
            card.add(events.isEmpty() ? new Span("Nothing has changed yet.") : grid);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            card.add(new Span("The audit trail could not be loaded."));
        }
        return card;
    }

    private static Card card(String title, String value) {
        Card card = new Card();
        card.setTitle(title);
        Div big = new Div(value);
        big.addClassName("card-value");
        card.add(big);
        card.addClassName("summary-card");
        return card;
    }

    private static String describe(TenantRole role) {
        return switch (role) {
            case OWNER -> "Everything, including managing members and owners.";
            case ADMIN -> "Everything but managing owners.";
            case MEMBER -> "Creates and changes the tenant's resources.";
            case VIEWER -> "Reads only.";
        };
    }
}
