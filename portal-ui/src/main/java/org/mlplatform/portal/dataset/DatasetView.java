package org.mlplatform.portal.dataset;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.portal.api.DatasetCatalogApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.layout.MainLayout;
import org.mlplatform.portal.layout.Notice;
import org.mlplatform.portal.layout.Notifications;
import org.mlplatform.portal.tenant.TenantView;
import org.mlplatform.portal.training.NewTrainingJobView;

/** One dataset with the profile platform-api computed while it streamed in. */
@Route(value = "t/:tenant/datasets/:dataset", layout = MainLayout.class)
@PageTitle("Dataset")
public class DatasetView extends TenantView {

    private final DatasetCatalogApi catalog;

    public DatasetView(PlatformApi api, DatasetCatalogApi catalog) {
        super(api);
        this.catalog = catalog;
    }

    @Override
    protected void show(TenantMembershipResponse membership) {
        String tenant = membership.slug();
        String name = routeParameter("dataset");
        DatasetResponse dataset;
        try {
            dataset = catalog.dataset(tenant, name).orElse(null);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return;
        }
        if (dataset == null) {
            add(new Notice("Dataset not found", "There is no dataset \"" + name + "\" here."));
            return;
        }
        Span facts =
                new Span(
                        dataset.format().wireName()
                                + " · "
                                + Formats.bytes(dataset.sizeBytes())
                                + " · "
                                + DatasetsView.contents(dataset)
                                + " · uploaded "
                                + Formats.dateTime(dataset.createdAt()));
        HorizontalLayout header = new HorizontalLayout(new H2(dataset.name()), facts);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (membership.role().atLeast(TenantRole.MEMBER)) {
            RouterLink train =
                    new RouterLink(
                            "Train a model",
                            NewTrainingJobView.class,
                            new RouteParameters("tenant", tenant));
            train.setQueryParameters(
                    QueryParameters.of(NewTrainingJobView.DATASET_PARAMETER, dataset.name()));
            train.setId("train-on-dataset");
            header.add(train);
        }
        add(header);
        if (dataset.csv() != null) {
            add(new CsvProfilePanel(dataset.csv(), preview(tenant, name)));
        } else if (dataset.images() != null) {
            add(new ImageProfilePanel(dataset.images()));
        }
    }

    private DatasetPreview preview(String tenant, String name) {
        try {
            return catalog.preview(tenant, name);
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return null;
        }
    }
}
