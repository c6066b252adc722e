package org.mlplatform.portal.tenant;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * The tenant the user works in, kept in the Vaadin session so that pages without a tenant in their
 * URL (the admin area) still know where "back" is. The URL ({@code t/:tenant/...}) always wins;
 * this is only the fallback.
 */
public final class CurrentTenant {

    private static final String KEY = CurrentTenant.class.getName();

    private CurrentTenant() {}

    public static Optional<String> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null
                ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(KEY));
    }

    static void set(String slug) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(KEY, slug);
        }
    }
}
