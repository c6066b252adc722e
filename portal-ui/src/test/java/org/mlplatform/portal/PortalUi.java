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
import java.util.Map;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.PlatformApi;

/**
 * Starts a mocked Vaadin (Karibu-Testing) with every route of the portal, whose views get API beans
 * backed by a {@link FakePlatform} instead of REST clients.
 */
public final class PortalUi {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.mlplatform.portal");

    private PortalUi() {}

    public static void setUp(FakePlatform platform) {
        PlatformApi api = new PlatformApi(platform, platform, platform, platform);
        AdminApi admin = new AdminApi(platform, platform, platform);
        Map<Class<?>, Object> beans = Map.of(PlatformApi.class, api, AdminApi.class, admin);
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
