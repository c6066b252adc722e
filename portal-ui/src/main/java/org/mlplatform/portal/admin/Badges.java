package org.mlplatform.portal.admin;

import com.vaadin.flow.component.html.Span;

/** Lumo badges for statuses: green for good, red for stopped. */
final class Badges {

    private Badges() {}

    static Span badge(String text, boolean good) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(good ? "badge success" : "badge error");
        return badge;
    }
}
