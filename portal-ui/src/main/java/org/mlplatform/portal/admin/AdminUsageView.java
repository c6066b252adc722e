package org.mlplatform.portal.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.util.List;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.usage.UsagePanel;

/** Inference usage across all tenants, one line per tenant or model, or for one tenant. */
@Route(value = "admin/usage", layout = MainLayout.class)
@PageTitle("Usage across tenants")
public class AdminUsageView extends AdminView {

    final TextField tenant = new TextField("Tenant");
    final UsagePanel panel;

    public AdminUsageView(PlatformApi platform, AdminApi admin) {
        super(platform, admin);
        tenant.setId("usage-tenant");
        tenant.setPlaceholder("All tenants");
        tenant.setHelperText("A tenant's slug narrows it to that tenant");
        tenant.setClearButtonVisible(true);
        tenant.setValueChangeMode(ValueChangeMode.LAZY);
        panel =
                new UsagePanel(
                        List.of(UsageGroupBy.TENANT, UsageGroupBy.MODEL),
                        (from, to, granularity, groupBy) ->
                                admin.usage(tenant.getValue(), from, to, granularity, groupBy),
                        Clock.systemUTC());
        tenant.addValueChangeListener(e -> refresh());
        add(new H2("Usage across tenants"), tenant, panel);
    }

    @Override
    void refresh() {
        panel.refresh();
    }
}
