package org.mlplatform.portal.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.model.ModelView;

/** Status, attempt, worker, timings and error of a job; its cancel button and its result. */
class JobHeader extends VerticalLayout {

    final H2 title = new H2();
    final HorizontalLayout badgeHolder = new HorizontalLayout();
    final Span attempt = new Span();
    final Span worker = new Span();
    final Span timings = new Span();
    final Paragraph error = new Paragraph();
    final Button cancel = new Button("Cancel job");
    final Div result = new Div();
    private final String tenant;
    private final boolean canCancel;

    JobHeader(String tenant, boolean canCancel, Runnable onCancel) {
        this.tenant = tenant;
        this.canCancel = canCancel;
        setPadding(false);
        setSpacing(false);
        attempt.setId("job-attempt");
        worker.setId("job-worker");
        timings.setId("job-timings");
        error.setId("job-error");
        error.addClassName("job-error");
        result.setId("job-result");
        cancel.setId("job-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> onCancel.run());
        cancel.setVisible(false);
        HorizontalLayout top = new HorizontalLayout(title, badgeHolder, cancel);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout facts = new HorizontalLayout(attempt, worker, timings);
        facts.getStyle().set("flex-wrap", "wrap");
        add(top, facts, error, result);
    }

    void show(TrainingJobResponse job) {
        title.setText(job.dataset() + " → " + job.outputModel());
        badgeHolder.removeAll();
        badgeHolder.add(JobStatusBadge.of(job.status()));
        attempt.setText("Attempt " + job.attempt() + " of " + job.maxAttempts());
        worker.setText(job.workerId() == null ? "" : "Worker " + job.workerId());
        worker.setVisible(job.workerId() != null);
        timings.setText(timings(job, Instant.now()));
        error.setText(job.error() == null ? "" : job.error());
        error.setVisible(job.error() != null && !job.error().isBlank());
        boolean active = !JobText.finished(job.status());
        cancel.setVisible(active && canCancel);
        cancel.setEnabled(!job.cancelRequested());
        cancel.setText(job.cancelRequested() ? "Cancelling…" : "Cancel job");
        result.removeAll();
        if (job.status() == JobStatus.SUCCEEDED && job.resultVersion() != null) {
            result.add(new Span("Result: "), versionLink(tenant, job));
        }
    }

    /** A link to the model's page with the version selected. */
    static RouterLink versionLink(String tenant, TrainingJobResponse job) {
        RouterLink link =
                new RouterLink(
                        job.outputModel() + " v" + job.resultVersion(),
                        ModelView.class,
                        new RouteParameters(Map.of("tenant", tenant, "model", job.outputModel())));
        link.setQueryParameters(
                QueryParameters.of(ModelView.VERSION_PARAMETER, job.resultVersion().toString()));
        link.setId("job-result-link");
        return link;
    }

    static String timings(TrainingJobResponse job, Instant now) {
        List<String> parts = new ArrayList<>();
        parts.add("Created " + Formats.dateTime(job.createdAt()));
        if (job.startedAt() != null) {
            parts.add("started " + Formats.dateTime(job.startedAt()));
        }
        if (job.finishedAt() != null) {
            parts.add("finished " + Formats.dateTime(job.finishedAt()));
        }
        if (job.startedAt() != null) {
            parts.add("took " + JobText.duration(job, now));
        }
        return String.join(", ", parts);
    }
}
