package org.mlplatform.portal;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockInstantiator;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import java.net.URI;
import java.util.Map;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.ApiHttp;
import org.mlplatform.portal.api.DatasetCatalogApi;
import org.mlplatform.portal.api.InferenceKeysApi;
import org.mlplatform.portal.api.ModelRegistryApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.ServingApi;
import org.mlplatform.portal.api.TrainingApi;
import org.mlplatform.portal.api.Uploads;
import org.mlplatform.portal.api.UsageReportsApi;
import org.mlplatform.portal.layout.LiveUpdates;

/**
 * Starts a mocked Vaadin (Karibu-Testing) with every route of the portal, whose views get API beans
 * backed by a {@link FakePlatform} instead of REST clients.
 */
public final class PortalUi {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.mlplatform.portal");

    /** Nothing listens there: view tests do not upload (StreamingUploadTest does). */
    private static final Uploads UPLOADS =
            new Uploads(new ApiHttp(URI.create("http://127.0.0.1:9")));

    private PortalUi() {}

    public static void setUp(FakePlatform platform) {
        PlatformApi api = new PlatformApi(platform, platform, platform, platform, platform.quotas);
        AdminApi admin =
                new AdminApi(platform, platform, platform, platform.quotas, platform.usage.admin);
        Map<Class<?>, Object> beans =
                Map.ofEntries(
                        Map.entry(TrainingApi.class, new TrainingApi(platform.training)),
                        Map.entry(LiveUpdates.class, platform.live),
                        Map.entry(PlatformApi.class, api),
                        Map.entry(AdminApi.class, admin),
                        Map.entry(
                                ModelRegistryApi.class,
                                new ModelRegistryApi(platform.models, platform.models)),
                        Map.entry(
                                DatasetCatalogApi.class, new DatasetCatalogApi(platform.datasets)),
                        Map.entry(
                                ServingApi.class,
                                new ServingApi(platform.deployments, platform.deployments)),
                        Map.entry(InferenceKeysApi.class, new InferenceKeysApi(platform.apiKeys)),
                        Map.entry(UsageReportsApi.class, new UsageReportsApi(platform.usage)),
                        Map.entry(Uploads.class, UPLOADS));
        MockVaadin.setup(UI::new, new Servlet(beans));
    }

    public static void tearDown() {
        MockVaadin.tearDown();
    }

    private static final class Servlet extends MockVaadinServlet {
        private final Map<Class<?>, Object> beans;

        Servlet(Map<Class<?>, Object> beans) {
            super(ROUTES);
            this.beans = beans;
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration config)
                throws ServiceException {
            MockService service =
                    new MockService(this, config, getUiFactory()) {
                        @Override
                        public Instantiator getInstantiator() {
                            return MockInstantiator.Companion.create(
                                    new TestInstantiator(this, beans));
                        }
                    };
            service.init();
            getRoutes().register(service.getContext());
            return service;
        }
    }
}
