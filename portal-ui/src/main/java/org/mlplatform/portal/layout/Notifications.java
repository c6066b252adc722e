package org.mlplatform.portal.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The portal's toasts: errors stay until closed would be too loud, so all close by themselves. */
public final class Notifications {

    private Notifications() {}

    /** Shows a readable error message, never a stack trace. */
    public static Notification error(String message) {
        Notification notification =
                Notification.show(message, 6000, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return notification;
    }

    public static Notification success(String message) {
        Notification notification =
                Notification.show(message, 3000, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return notification;
    }
}
