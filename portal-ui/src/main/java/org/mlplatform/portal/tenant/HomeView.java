package org.mlplatform.portal.tenant;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;

/**
 * The start page: opens the dashboard of the last used tenant (or the first one), or explains what
 * to do when the user belongs to no tenant yet.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("ML Platform")
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private final PlatformApi api;

    public HomeView(PlatformApi api) {
        this.api = api;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        MeResponse me;
        try {
            me = api.me();
        } catch (PlatformApiException e) {
            add(new Notice("The platform is not available", e.getMessage()));
            return;
        }
        List<TenantMembershipResponse> tenants = me.tenants();
        if (tenants.isEmpty()) {
            add(emptyState(me));
            return;
        }
        String slug =
                CurrentTenant.get()
                        .filter(s -> tenants.stream().anyMatch(t -> t.slug().equals(s)))
                        .orElse(tenants.get(0).slug());
        event.forwardTo("t/" + slug + "/dashboard");
    }

    private static Notice emptyState(MeResponse me) {
        if (me.platformAdmin()) {
            return new Notice(
                    "Welcome, " + me.username(),
                    "You are not a member of any tenant yet. As a platform administrator you can"
                            + " create one.",
                    new Anchor("admin/tenants", "Go to tenants"));
        }
        return new Notice(
                "Welcome, " + me.username(),
                "You are not a member of any tenant yet. Ask a tenant owner or a platform"
                        + " administrator to add you with your username \""
                        + me.username()
                        + "\".");
    }
}
