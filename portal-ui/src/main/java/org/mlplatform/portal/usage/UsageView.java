package org.mlplatform.portal.usage;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.util.List;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.api.UsageReportsApi;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;

/**
 * A tenant's inference usage over time, per API key or model, and its inference quota. Every member
 * may read it.
 */
@Route(value = "t/:tenant/usage", layout = MainLayout.class)
@PageTitle("Usage")
public class UsageView extends TenantView {

    private final UsageReportsApi usage;
    UsagePanel panel;

    public UsageView(PlatformApi api, UsageReportsApi usage) {
        super(api);
        this.usage = usage;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        String tenant = membership.slug();
        add(new H2("Usage"));
        try {
            add(QuotaGauges.of(api.quota(tenant)));
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
        }
        panel =
                new UsagePanel(
                        List.of(UsageGroupBy.KEY, UsageGroupBy.MODEL),
                        (from, to, granularity, groupBy) ->
                                usage.usage(tenant, from, to, granularity, groupBy),
                        Clock.systemUTC());
        add(panel);
        panel.refresh();
    }
}
