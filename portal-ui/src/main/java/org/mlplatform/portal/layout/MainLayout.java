package org.mlplatform.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.tenant.CurrentTenant;
import org.mlplatform.portal.tenant.TenantSwitcher;

/**
 * The frame around every view: the tenant switcher and the user in the navbar, the tenant's pages
 * and (for platform admins) the admin pages in the drawer.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Where the browser goes to sign out; quarkus-oidc ends the Keycloak session there. */
    static final String LOGOUT_PATH = "/logout";

    private final SideNav tenantNav = new SideNav();
    private final TenantSwitcher switcher;
    private final MeResponse me;

    public MainLayout(PlatformApi api) {
        this.me = loadMe(api);
        this.switcher = new TenantSwitcher(me == null ? List.of() : me.tenants());
        addToNavbar(navbar());
        addToDrawer(drawer());
    }

    private static MeResponse loadMe(PlatformApi api) {
        try {
            return api.me();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return null;
        }
    }

    private Component navbar() {
        Span title = new Span("ML Platform");
        title.addClassName("app-title");
        Span user = new Span(me == null ? "" : displayName(me));
        user.addClassName("user-name");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(
                e -> signOut.getUI().ifPresent(ui -> ui.getPage().setLocation(LOGOUT_PATH)));
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, switcher);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        HorizontalLayout right = new HorizontalLayout(user, signOut);
        right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        right.addClassName("navbar-right");
        bar.add(right);
        switcher.setWidth("20rem");
        return bar;
    }

    private Component drawer() {
        VerticalLayout drawer = new VerticalLayout(tenantNav);
        if (me != null && me.platformAdmin()) {
            drawer.add(adminNav());
        }
        return drawer;
    }

    private static SideNav adminNav() {
        SideNav admin = new SideNav("Admin");
        admin.addItem(
                new SideNavItem("Tenants", "admin/tenants", VaadinIcon.BUILDING.create()),
                new SideNavItem("Workers", "admin/workers", VaadinIcon.SERVER.create()),
                new SideNavItem("Usage", "admin/usage", VaadinIcon.BAR_CHART.create()),
                new SideNavItem("Audit events", "admin/audit", VaadinIcon.LIST.create()));
        return admin;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Optional<String> tenant = event.getRouteParameters().get("tenant").or(CurrentTenant::get);
        String path = event.getLocation().getPath();
        String section = section(path);
        switcher.show(tenant.orElse(null), section);
        tenantNav.removeAll();
        tenant.ifPresent(
                slug ->
                        tenantNav.addItem(
                                new SideNavItem(
                                        "Dashboard",
                                        "t/" + slug + "/dashboard",
                                        VaadinIcon.DASHBOARD.create()),
                                new SideNavItem(
                                        "Models",
                                        "t/" + slug + "/models",
                                        VaadinIcon.CUBES.create()),
                                new SideNavItem(
                                        "Datasets",
                                        "t/" + slug + "/datasets",
                                        VaadinIcon.DATABASE.create()),
                                new SideNavItem(
                                        "Training",
                                        "t/" + slug + "/training",
                                        VaadinIcon.CHART_LINE.create()),
                                new SideNavItem(
                                        "Deployments",
                                        "t/" + slug + "/deployments",
                                        VaadinIcon.ROCKET.create()),
                                new SideNavItem(
                                        "API keys",
                                        "t/" + slug + "/api-keys",
                                        VaadinIcon.KEY.create()),
                                new SideNavItem(
                                        "Usage",
                                        "t/" + slug + "/usage",
                                        VaadinIcon.BAR_CHART.create()),
                                new SideNavItem(
                                        "Members",
                                        "t/" + slug + "/members",
                                        VaadinIcon.USERS.create())));
    }

    /** The tenant page to stay on when switching tenants: a list page, never one object. */
    static String section(String path) {
        for (String section :
                new String[] {
                    "members", "models", "datasets", "training", "deployments", "api-keys", "usage"
                }) {
            if (path.endsWith("/" + section) || path.contains("/" + section + "/")) {
                return section;
            }
        }
        return "dashboard";
    }

    private static String displayName(MeResponse me) {
        return me.name() == null || me.name().isBlank() ? me.username() : me.name();
    }
}
