package org.mlplatform.portal.layout;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;
import org.mlplatform.portal.dashboard.DashboardView;
import org.mlplatform.portal.tenant.HomeView;

class MainLayoutTest {

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    @Test
    void shouldHideAdminSectionFromUsersWhoAreNotPlatformAdmins() {
        PortalUi.setUp(FakePlatform.withAliceInTwoTenants());
        UI.getCurrent().navigate("t/acme/dashboard");

        assertThat(_find(SideNav.class, spec -> spec.withLabel("Admin"))).isEmpty();
        assertThat(_find(SideNavItem.class))
                .extracting(SideNavItem::getLabel)
                .containsExactly(
                        "Dashboard",
                        "Models",
                        "Datasets",
                        "Training",
                        "Deployments",
                        "API keys",
                        "Usage",
                        "Members");
    }

    @Test
    void shouldShowAdminSectionToPlatformAdmins() {
        FakePlatform platform = FakePlatform.withAliceInTwoTenants();
        platform.signIn("admin", true, "acme", TenantRole.OWNER);
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("t/acme/dashboard");

        SideNav admin = _get(SideNav.class, spec -> spec.withLabel("Admin"));
        assertThat(_find(admin, SideNavItem.class))
                .extracting(SideNavItem::getLabel)
                .containsExactly("Tenants", "Workers", "Usage", "Audit events");
    }

    @Test
    void shouldOpenTheFirstTenantsDashboardFromTheStartPage() {
        PortalUi.setUp(FakePlatform.withAliceInTwoTenants());
        UI.getCurrent().navigate("");

        _get(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("t/acme/dashboard");
    }

    @Test
    void shouldGreetUsersWithoutTenantsWithAnEmptyState() {
        FakePlatform platform = FakePlatform.withAliceInTwoTenants();
        platform.signIn("carol", false);
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("");

        Notice notice =
                _get(HomeView.class)
                        .getChildren()
                        .filter(Notice.class::isInstance)
                        .map(Notice.class::cast)
                        .findFirst()
                        .orElseThrow();
        assertThat(notice.getElement().getTextRecursively())
                .contains("not a member of any tenant")
                .contains("carol");
    }

    @Test
    void shouldSendNonAdminsAwayFromTheAdminArea() {
        PortalUi.setUp(FakePlatform.withAliceInTwoTenants());
        UI.getCurrent().navigate("admin/tenants");

        _get(NotAllowedView.class);
    }
}
