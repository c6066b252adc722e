package org.mlplatform.portal.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.FakeUsage;
import org.mlplatform.portal.PortalUi;
import org.mlplatform.portal.layout.LineChart;
import org.mlplatform.portal.layout.NotAllowedView;

class AdminUsageViewTest {

    private final FakePlatform platform = FakePlatform.withAliceInTwoTenants();

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    @Test
    void shouldChartUsageAcrossTenantsOneLinePerTenant() {
        platform.signIn("admin", true);
        platform.usage.series =
                List.of(
                        FakeUsage.series(
                                "acme",
                                "Acme Corp",
                                List.of(FakeUsage.point(FakePlatform.T0, 7, 0, 1))),
                        FakeUsage.series(
                                "beta",
                                "Beta Labs",
                                List.of(FakeUsage.point(FakePlatform.T0, 3, 1, 2))));
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("admin/usage");
        AdminUsageView view = _get(AdminUsageView.class);

        @SuppressWarnings("unchecked")
        Select<String> groupBy = _get(view, Select.class, spec -> spec.withId("usage-group-by"));
        _setValue(groupBy, "Tenant");

        FakeUsage.Query query = platform.usage.queries.get(platform.usage.queries.size() - 1);
        assertThat(query.admin()).isTrue();
        assertThat(query.tenant()).isNull();
        assertThat(query.groupBy()).isEqualTo(org.mlplatform.contract.usage.UsageGroupBy.TENANT);
        assertThat(
                        _get(view, LineChart.class, spec -> spec.withId("usage-requests-chart"))
                                .getSeries())
                .extracting(LineChart.Series::name)
                .containsExactly("Acme Corp", "Beta Labs");

        _setValue(view.tenant, "beta");

        assertThat(platform.usage.queries.get(platform.usage.queries.size() - 1).tenant())
                .isEqualTo("beta");
    }

    @Test
    void shouldSendNonAdminsAway() {
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("admin/usage");

        _get(NotAllowedView.class);
        assertThat(platform.usage.queries).isEmpty();
    }
}
