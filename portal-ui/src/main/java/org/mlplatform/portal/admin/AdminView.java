package org.mlplatform.portal.admin;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.mlplatform.portal.api.AdminApi;
import org.mlplatform.portal.api.PlatformApi;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.NotAllowedView;
import org.mlplatform.portal.layout.Notifications;

/**
 * A page of the admin area. Users without the platform-admin role who type its URL are sent to
 * {@link NotAllowedView}; platform-api refuses their calls anyway, this keeps the page honest.
 */
abstract class AdminView extends VerticalLayout implements BeforeEnterObserver {

    protected final PlatformApi platform;
    protected final AdminApi admin;

    AdminView(PlatformApi platform, AdminApi admin) {
        this.platform = platform;
        this.admin = admin;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!isPlatformAdmin()) {
            event.forwardTo(NotAllowedView.class);
            return;
        }
        refresh();
    }

    private boolean isPlatformAdmin() {
        try {
            return platform.me().platformAdmin();
        } catch (PlatformApiException e) {
            Notifications.error(e.getMessage());
            return false;
        }
    }

    /** Loads the page's data; called on every visit by an admin. */
    abstract void refresh();
}
