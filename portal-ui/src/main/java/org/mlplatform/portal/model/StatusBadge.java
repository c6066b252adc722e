package org.mlplatform.portal.model;

import com.vaadin.flow.component.html.Span;
import org.mlplatform.contract.model.ModelVersionStatus;

/** A Lumo badge for a version's status, with the class {@code status-READY} etc. for tests. */
final class StatusBadge {

    private StatusBadge() {}

    static Span of(ModelVersionStatus status) {
        Span badge = new Span(status.name());
        badge.addClassName("status-" + status.name());
        String theme =
                switch (status) {
                    case VALIDATING -> "badge contrast";
                    case READY -> "badge success";
                    case FAILED -> "badge error";
                };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }
}
