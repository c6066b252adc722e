package org.mlplatform.portal.dashboard;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.mlplatform.contract.quota.QuotaLimit;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.portal.layout.Formats;
import org.mlplatform.portal.training.TrainingJobsView;

/** Running training jobs and this month's training time against the tenant's limits. */
final class TrainingCard {

    private TrainingCard() {}

    static Card of(String tenant, QuotaResponse quota) {
        Card card = new Card();
        card.setTitle("Training");
        card.addClassName("summary-card");
        card.setId("training-card");
        QuotaLimit jobs = quota.concurrentJobs();
        Div running =
                line(
                        "training-running",
                        "Running jobs: "
                                + jobs.used()
                                + (jobs.limit() == null ? " (no limit)" : " of " + jobs.limit()));
        running.addClassName("card-value-small");
        card.add(running);
        QuotaLimit time = quota.trainingSeconds();
        card.add(
                line(
                        "training-time",
                        "Training time this month: "
                                + hours(time.used())
                                + (time.limit() == null
                                        ? " (no limit)"
                                        : " of " + hours(time.limit()))));
        if (time.limit() != null) {
            double max = Math.max(1, time.limit());
            ProgressBar bar = new ProgressBar(0, max, Math.min(max, time.used()));
            bar.setId("training-time-bar");
            if (time.used() >= 0.9 * max) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            }
            card.add(bar);
        }
        RouterLink link =
                new RouterLink(
                        "Training jobs",
                        TrainingJobsView.class,
                        new RouteParameters("tenant", tenant));
        link.setId("training-link");
        card.add(link);
        return card;
    }

    /** {@code 1.5 h}; minutes below an hour ({@code 12 min}). */
    static String hours(long seconds) {
        if (seconds < 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        return Formats.number(Math.round(seconds / 36.0) / 100.0) + " h";
    }

    private static Div line(String id, String text) {
        Div line = new Div(text);
        line.setId(id);
        return line;
    }
}
