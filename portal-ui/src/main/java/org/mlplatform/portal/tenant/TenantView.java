package org.mlplatform.portal.tenant;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteParameters;
import java.util.Optional;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;

/**
 * A page of one tenant, whose route has a {@code :tenant} parameter. It checks that the user is a
 * member and that the tenant is active before it shows anything, and remembers the tenant.
 */
public abstract class TenantView extends VerticalLayout implements BeforeEnterObserver {

    protected final PlatformApi api;
    private RouteParameters parameters = RouteParameters.empty();

    protected TenantView(PlatformApi api) {
        this.api = api;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        parameters = event.getRouteParameters();
        String slug = event.getRouteParameters().get("tenant").orElse("");
        try {
            Optional<TenantMembershipResponse> membership = membership(api.me(), slug);
            if (membership.isEmpty()) {
                add(
                        new Notice(
                                "Tenant not found",
                                "There is no tenant \""
                                        + slug
                                        + "\" that you are a member of. Pick one of your"
                                        + " tenants above."));
                return;
            }
            CurrentTenant.set(slug);
            if (membership.get().status() == TenantStatus.SUSPENDED) {
                add(
                        new Notice(
                                membership.get().name() + " is suspended",
                                "A platform administrator has suspended this tenant. Its data is"
                                        + " kept, but nobody can use it until it is reactivated."));
                return;
            }
            show(membership.get());
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            add(new Notice("Could not load this page", e.getMessage()));
        }
    }

    private static Optional<TenantMembershipResponse> membership(MeResponse me, String slug) {
        return me.tenants().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** A parameter of the route besides the tenant, such as {@code :model}; "" when missing. */
    protected String routeParameter(String name) {
        return parameters.get(name).orElse("");
    }

    /** Builds the page for an active tenant the user is a member of. */
    protected abstract void show(TenantMembershipResponse membership);
}
