package org.mlplatform.portal.training;

import com.vaadin.flow.component.html.Span;
import org.mlplatform.contract.job.JobStatus;

/** A Lumo badge for a job's status, with the class {@code status-RUNNING} etc. for tests. */
final class JobStatusBadge {

    private JobStatusBadge() {}

    static Span of(JobStatus status) {
        Span badge = new Span(status.name());
        badge.addClassName("status-" + status.name());
        String theme =
                switch (status) {
                    case QUEUED, CANCELLED -> "badge contrast";
                    case RUNNING -> "badge";
                    case SUCCEEDED -> "badge success";
                    case FAILED -> "badge error";
                };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }
}
